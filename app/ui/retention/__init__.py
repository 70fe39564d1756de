"""Records: retention and destruction, and subject access requests."""
