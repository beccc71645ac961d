"""Scenario files shipped with govcal; wuqia-2024.yaml is the default."""
