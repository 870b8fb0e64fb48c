"""The sandbox: sample scans, driving orders to Ready or Failed, and moving the clock."""
