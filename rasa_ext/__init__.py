"""Extensions that run inside the Rasa server process (not the action server): they keep working
when the action server is down. Rasa imports this package when it loads the classes that
endpoints.yml names; that installs the polite reply for an unreachable action server, the NLU
parse off the event loop, a validator of action-server replies built once and event classes
resolved once per type name; and the freed memory of loading the model given back (heap.py)."""

import heap
from rasa_ext import action_calls, degrade, events, parsing

degrade.install()
parsing.install()
action_calls.install()
events.install()
heap.start()
