"""Who may do what to which record, and the state changes of records."""
