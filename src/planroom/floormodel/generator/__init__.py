"""Synthetic RoomPlan scans, each written together with the floor model it shows.

Tests and samples use these: a scene is drafted as a true floor model, then scanned the way
RoomPlan reports it (room by room, walls as faces without thickness, a few centimetres and degrees
of noise, an arbitrary rotation). `generate()` writes clean, closed rooms of the fixed scenes;
`realistic.generate_realistic()` writes random homes the way real phones capture them (walls left
out, floors overlapping, StructureBuilder structures, iOS 16 rooms stopped early, float32 text).
"""
