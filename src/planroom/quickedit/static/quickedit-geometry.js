// Quick Edit's plan geometry, without any page state: snapping wall ends and room-boundary
// points, straightening, centroids. Plan millimetres, y up. Loaded before quickedit.js.
"use strict";
window.QuickEditGeometry = (function () {
  const SNAP_MM = 250;      // a point this close to a wall end, wall line or room corner lands on it
  const AXIS_DEG = 6;       // a line drawn this close to an axis is made straight
  const GRID_MM = 10;

  const onGrid = (p) => [Math.round(p[0] / GRID_MM) * GRID_MM, Math.round(p[1] / GRID_MM) * GRID_MM];
  const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  // a point on a line: on the grid along a straight line, never off it
  function onLine(p, a, b) {
    if (a[0] === b[0]) return [Math.round(a[0]), Math.round(p[1] / GRID_MM) * GRID_MM];
    if (a[1] === b[1]) return [Math.round(p[0] / GRID_MM) * GRID_MM, Math.round(a[1])];
    return [Math.round(p[0]), Math.round(p[1])];
  }

  function foot(point, a, b) {
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const length2 = dx * dx + dy * dy || 1;
    const t = Math.max(0, Math.min(1, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length2));
    return [a[0] + t * dx, a[1] + t * dy];
  }

  // a wall end: onto another wall's end, else onto another wall's centre line, else the grid
  function snapWallEnd(walls, point, skip) {
    let best = null, bestDistance = SNAP_MM;
    for (const w of walls) {
      if (w === skip) continue;
      for (const end of [w.start, w.end]) {
        const d = distance(end, point);
        if (d < bestDistance) { best = end.slice(); bestDistance = d; }
      }
    }
    if (best) return best;
    for (const w of walls) {
      if (w === skip) continue;
      const f = foot(point, w.start, w.end);
      const d = distance(f, point);
      if (d < bestDistance) { best = onLine(f, w.start, w.end); bestDistance = d; }
    }
    return best || onGrid(point);
  }

  // the face of a wall on the point's side: a line half the wall's thickness off its centre line
  function faceOf(w, point) {
    const dx = w.end[0] - w.start[0], dy = w.end[1] - w.start[1];
    const length = Math.hypot(dx, dy) || 1;
    let nx = -dy / length, ny = dx / length;
    const side = (point[0] - w.start[0]) * nx + (point[1] - w.start[1]) * ny;
    if (side < 0) { nx = -nx; ny = -ny; }
    const h = w.thickness / 2;
    return { a: [w.start[0] + nx * h, w.start[1] + ny * h], b: [w.end[0] + nx * h, w.end[1] + ny * h], dx, dy };
  }
  function crossing(f, g) {
    const det = f.dx * g.dy - f.dy * g.dx;
    if (Math.abs(det) < 1e-6 * Math.hypot(f.dx, f.dy) * Math.hypot(g.dx, g.dy)) return null;
    const t = ((g.a[0] - f.a[0]) * g.dy - (g.a[1] - f.a[1]) * g.dx) / det;
    return [f.a[0] + t * f.dx, f.a[1] + t * f.dy];
  }

  // a room-boundary point: onto another room's corner, else into the corner two wall faces
  // make, else onto the nearest wall face, else the grid
  function snapBoundary(walls, rooms, point) {
    let best = null, bestDistance = SNAP_MM;
    for (const room of rooms) {
      for (const corner of room.polygon) {
        const d = distance(corner, point);
        if (d < bestDistance) { best = corner.slice(); bestDistance = d; }
      }
    }
    if (best) return best;
    const near = [];
    for (const w of walls) {
      const face = faceOf(w, point);
      const f = foot(point, face.a, face.b);
      const d = distance(f, point);
      if (d < SNAP_MM + w.thickness) near.push({ face, f, d });
    }
    near.sort((x, y) => x.d - y.d);
    for (let i = 0; i < near.length; i++) {
      for (let j = i + 1; j < near.length; j++) {
        const corner = crossing(near[i].face, near[j].face);
        if (corner && distance(corner, point) < SNAP_MM * 1.5) return [Math.round(corner[0]), Math.round(corner[1])];
      }
    }
    if (near.length && near[0].d < SNAP_MM) return onLine(near[0].f, near[0].face.a, near[0].face.b);
    return onGrid(point);
  }

  function straighten(start, end) {
    const angle = Math.abs(Math.atan2(end[1] - start[1], end[0] - start[0]) * 180 / Math.PI) % 180;
    if (Math.min(angle, 180 - angle) <= AXIS_DEG) return [end[0], start[1]];
    if (Math.abs(angle - 90) <= AXIS_DEG) return [start[0], end[1]];
    return end;
  }
  function alongWall(w, d) {
    const dx = w.end[0] - w.start[0], dy = w.end[1] - w.start[1];
    const length = Math.hypot(dx, dy) || 1;
    return [w.start[0] + dx / length * d, w.start[1] + dy / length * d];
  }
  function centroid(points) {
    let area = 0, cx = 0, cy = 0;
    for (let i = 0; i < points.length; i++) {
      const [x0, y0] = points[i], [x1, y1] = points[(i + 1) % points.length];
      const f = x0 * y1 - x1 * y0;
      area += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
    }
    if (Math.abs(area) < 1) return points[0];
    return [cx / (3 * area), cy / (3 * area)];
  }
  return { SNAP_MM, GRID_MM, distance, snapWallEnd, snapBoundary, straighten, alongWall, centroid };
})();
