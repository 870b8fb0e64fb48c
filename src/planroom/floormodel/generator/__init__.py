"""Realistic synthetic RoomPlan scans, each written together with the floor model it shows.

There are no public real RoomPlan exports to test with, so tests and samples use these: a scene
is drafted as a true floor model, then scanned the way RoomPlan reports it (room by room, walls as
faces without thickness, a few centimetres and degrees of noise, an arbitrary rotation).
"""
