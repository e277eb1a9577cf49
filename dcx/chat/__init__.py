"""`dcx chat`: a session in the repository. A slash command is run as typed; any other line goes
to the router, which sorts it (dcx.chat.intent) into a question (answered as `dcx ask` answers),
a change (planned and written as `dcx fix` does, shown as a diff, never written until /apply) or
a command (dcx.chat.slash).
The session's state (dcx.chat.state) is explicit: each turn makes a new one, with the
conversation kept within a token budget (dcx.chat.memory)."""
