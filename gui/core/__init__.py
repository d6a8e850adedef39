"""Plain data and pure logic: no Qt, no OS calls."""
