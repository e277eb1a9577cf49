"""Museum audio guide back office."""
