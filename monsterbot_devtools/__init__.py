"""Tools for developers: a local stand-in for LINE's Messaging API, the soak run and the benchmarks."""
