"""The rules, one small module per topic; ``checks.rules`` imports and registers them all."""
