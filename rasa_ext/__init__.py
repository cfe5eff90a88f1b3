"""Extensions that run inside the Rasa server process (not the action server): they keep working
when the action server is down. Rasa imports this package when it loads the classes that
endpoints.yml names; that installs the polite reply for an unreachable action server and the
NLU parse off the event loop."""

from rasa_ext import degrade, parsing

degrade.install()
parsing.install()
