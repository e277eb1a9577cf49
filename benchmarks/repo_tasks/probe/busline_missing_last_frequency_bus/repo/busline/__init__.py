"""Bus timetables, departure boards and service summaries."""
