"""One blueprint per menu of the manual."""
