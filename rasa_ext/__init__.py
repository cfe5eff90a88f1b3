"""Extensions that run inside the Rasa server process (not the action server): they keep working
when the action server is down."""
