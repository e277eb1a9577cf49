"""Import CSV files into typed, validated records."""
