"""Everything that touches SQLCipher or the OS keyring. No Qt."""
