"""The production line: intake, drafting, the quality gate, rendering and delivery."""
