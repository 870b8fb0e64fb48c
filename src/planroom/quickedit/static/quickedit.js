// Quick Edit: draws each level of the floor model as SVG, lets the editor change rooms (and, in
// drafter mode, walls and openings), and saves the edit as a list of operations on the version
// shown. Areas always come from the server. No dependencies, no requests to any other host.
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const TYPES = ["bedroom", "bathroom", "half_bath", "kitchen", "living", "dining", "hall",
    "closet", "laundry", "utility", "garage", "porch", "deck", "balcony", "patio", "stair",
    "open_to_below", "other"];
  const OUTDOOR = new Set(["porch", "deck", "balcony", "patio"]);
  const G = window.QuickEditGeometry;
  const GRID_MM = G.GRID_MM;
  const { straighten, alongWall, centroid } = G;
  const MM_PER_FOOT = 304.8;

  const token = JSON.parse(document.getElementById("edit-token").textContent);
  let state = JSON.parse(document.getElementById("initial-state").textContent);
  let model = clone(state.model);          // the shown model: server version + pending edits
  let pending = [];                        // operations not saved yet
  let level = firstLevel();
  let selected = null;                     // {kind: "room"|"wall"|"opening", id}
  let tool = "select";
  let wallStart = null;
  let drag = null;
  let polling = null;
  let roomDraft = null;                    // corners of the room being drawn (tool "room")
  let otherChanged = new Set();            // rooms another editor changed (after a conflict)

  const el = (id) => document.getElementById(id);
  const plan = el("plan");

  function clone(value) { return JSON.parse(JSON.stringify(value)); }
  function firstLevel() {
    const levels = state.model.levels.slice().sort((a, b) => a.index - b.index);
    const entry = levels.find((l) => l.index === 0) || levels[0];
    return entry.id;
  }
  function node(name, attrs, parent) {
    const item = document.createElementNS(SVG, name);
    for (const key in attrs) item.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(item);
    return item;
  }
  function metricUnits() { return state.units === "metric"; }
  function heightText(mm) {
    if (metricUnits()) return (mm / 1000).toFixed(2);
    return (mm / MM_PER_FOOT).toFixed(2);
  }
  function parseHeight(text) {
    const value = parseFloat(String(text).replace(",", "."));
    if (!isFinite(value) || value <= 0) return null;
    return Math.round(metricUnits() ? value * 1000 : value * MM_PER_FOOT);
  }

  // ---- the model, edited locally the way the server edits it -------------------------------
  function space(id) { return model.spaces.find((s) => s.id === id); }
  function wall(id) { return model.walls.find((w) => w.id === id); }
  function nextId(prefix) {
    const taken = new Set([...model.walls, ...model.openings, ...model.spaces].map((i) => i.id));
    let n = 1;
    while (taken.has(prefix + n)) n += 1;
    return prefix + n;
  }
  function applyLocal(target, op) {
    if (op.op === "room") {
      const room = target.spaces.find((s) => s.id === op.id);
      if (!room) throw new Error("The room " + op.id + " is gone from the newest version.");
      if (op.name !== undefined) room.name = op.name;
      if (op.type !== undefined) room.type = op.type;
      if (op.enclosed !== undefined && op.enclosed === OUTDOOR.has(room.type)) {
        room.type = op.enclosed ? "other" : "porch";
      }
      if (op.finished !== undefined) room.finished = op.finished;
      if (op.heated !== undefined) room.heated = op.heated;
      if (op.clear_ceiling_height) room.ceiling_height = null;
      if (op.ceiling_height !== undefined) room.ceiling_height = op.ceiling_height;
    } else if (op.op === "add_wall") {
      target.walls.push({ id: op._id || "new", level_id: op.level_id, start: op.start,
        end: op.end, thickness: op.thickness || 114, kind: op.kind || "interior" });
    } else if (op.op === "move_wall") {
      const w = target.walls.find((x) => x.id === op.id);
      if (w) { w.start = op.start; w.end = op.end; }
    } else if (op.op === "delete_wall") {
      target.walls = target.walls.filter((x) => x.id !== op.id);
      target.openings = target.openings.filter((x) => x.wall_id !== op.id);
    } else if (op.op === "add_opening") {
      target.openings.push({ id: op._id || "new", wall_id: op.wall_id, kind: op.kind,
        offset: op.offset, width: op.width });
    } else if (op.op === "delete_opening") {
      target.openings = target.openings.filter((x) => x.id !== op.id);
    } else if (op.op === "property") {
      if (op.property_type !== undefined) target.property.property_type = op.property_type;
      if (op.clear_north) target.property.north_deg = null;
      if (op.north_deg !== undefined) target.property.north_deg = op.north_deg;
    } else if (op.op === "add_room") {
      target.spaces.push({ id: op._id || "new", level_id: op.level_id, name: op.name, type: op.type,
        polygon: op.polygon, finished: true, heated: true, ceiling_height: null });
    } else if (op.op === "reshape_room") {
      const room = target.spaces.find((x) => x.id === op.id);
      if (!room) throw new Error("the room " + op.id + " is gone from the newest version.");
      room.polygon = op.polygon;
    } else if (op.op === "delete_room") {
      target.spaces = target.spaces.filter((x) => x.id !== op.id);
    }
  }
  function edit(op) {
    // one room operation per room: later changes of the same room merge into it
    // (and one property operation, one reshape per room)
    if (op.op === "room" || op.op === "property" || op.op === "reshape_room") {
      const earlier = pending.find((p) => p.op === op.op && p.id === op.id);
      if (earlier) {
        if (op.op === "property") { delete earlier.clear_north; delete earlier.north_deg; }
        Object.assign(earlier, op);
      } else pending.push(op);
    } else {
      pending.push(op);
    }
    applyLocal(model, op);
    render();
  }
  function wireOps() {
    return pending.map((op) => {
      const copy = Object.assign({}, op);
      delete copy._id;
      return copy;
    });
  }

  // ---- drawing ------------------------------------------------------------------------------
  function bounds() {
    let xs = [], ys = [];
    for (const w of model.walls) if (w.level_id === level) { xs.push(w.start[0], w.end[0]); ys.push(w.start[1], w.end[1]); }
    for (const s of model.spaces) if (s.level_id === level) for (const p of s.polygon) { xs.push(p[0]); ys.push(p[1]); }
    if (!xs.length) return [0, 0, 10000, 10000];
    const pad = 600;
    return [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad];
  }
  function roomArea(id) {
    const found = state.rooms.find((r) => r.id === id);
    return found ? found.area.text : "";
  }
  function render() {
    const [x0, y0, x1, y1] = bounds();
    plan.setAttribute("viewBox", `${x0} ${-y1} ${x1 - x0} ${y1 - y0}`);
    plan.dataset.levelId = level;
    plan.dataset.drawnBy = "script";
    plan.replaceChildren();
    const rooms = node("g", { class: "rooms" }, plan);
    const walls = node("g", { class: "walls" }, plan);
    const openings = node("g", { class: "openings" }, plan);
    const labels = node("g", { class: "labels" }, plan);
    const fontSize = Math.max(x1 - x0, y1 - y0) / 45;
    for (const s of model.spaces.filter((s) => s.level_id === level)) {
      const d = "M" + s.polygon.map((p) => `${p[0]} ${-p[1]}`).join(" L") + " Z";
      const classes = ["room", s.finished ? "finished" : "unfinished"];
      if (OUTDOOR.has(s.type)) classes.push("outdoor");
      if (selected && selected.kind === "room" && selected.id === s.id) classes.push("is-selected");
      if (otherChanged.has(s.id)) classes.push("changed-by-other");
      const known = state.rooms.find((r) => r.id === s.id);
      const shape = node("path", { d, class: classes.join(" "), "data-space-id": s.id,
        "data-closed": known ? String(known.closed) : "unknown",
        tabindex: "0", role: "button", "aria-label": s.name }, rooms);
      shape.addEventListener("click", (event) => { if (tool === "select") { event.stopPropagation(); select("room", s.id); } });
      shape.addEventListener("keydown", (event) => { if (event.key === "Enter") select("room", s.id); });
      const [cx, cy] = centroid(s.polygon);
      const name = node("text", { x: cx, y: -cy, "font-size": fontSize, "data-space-id": s.id,
        "data-role": "name", class: "room-name" }, labels);
      name.textContent = s.name;
      const area = node("text", { x: cx, y: -cy + fontSize * 1.2, "font-size": fontSize * 0.8,
        "data-space-id": s.id, "data-role": "area", class: "room-area" }, labels);
      area.textContent = roomArea(s.id) + (s.finished ? "" : " · unfinished");
    }
    for (const w of model.walls.filter((w) => w.level_id === level)) {
      const chosen = selected && selected.kind === "wall" && selected.id === w.id;
      const line = node("line", { x1: w.start[0], y1: -w.start[1], x2: w.end[0], y2: -w.end[1],
        "stroke-width": w.thickness, class: "wall " + w.kind + (chosen ? " is-selected" : ""),
        "data-wall-id": w.id }, walls);
      line.addEventListener("click", (event) => wallClicked(event, w));
      if (state.mode === "drafter") {
        for (const end of ["start", "end"]) {
          const handle = node("circle", { cx: w[end][0], cy: -w[end][1], r: Math.max(w.thickness, fontSize * 0.5),
            class: "handle", "data-wall-id": w.id, "data-end": end }, walls);
          handle.addEventListener("pointerdown", (event) => startDrag(event, w, end));
        }
      }
    }
    for (const o of model.openings) {
      const w = wall(o.wall_id);
      if (!w || w.level_id !== level) continue;
      const a = alongWall(w, o.offset - o.width / 2), b = alongWall(w, o.offset + o.width / 2);
      const chosen = selected && selected.kind === "opening" && selected.id === o.id;
      const gap = node("line", { x1: a[0], y1: -a[1], x2: b[0], y2: -b[1], "stroke-width": w.thickness * 0.7,
        class: "opening " + o.kind + (chosen ? " is-selected" : ""), "data-opening-id": o.id }, openings);
      gap.addEventListener("click", (event) => {
        if (state.mode === "drafter" && tool === "select") { event.stopPropagation(); select("opening", o.id); }
      });
    }
    if (wallStart) node("circle", { cx: wallStart[0], cy: -wallStart[1], r: fontSize * 0.4, class: "wall-start" }, plan);
    drawBoundaries(fontSize);
    renderRoomList();
    renderProperty();
    renderLevels();
    renderForm();
    renderPending();
    document.body.dataset.ready = "true";
  }
  function renderLevels() {
    for (const button of document.querySelectorAll("#levels button")) {
      button.classList.toggle("is-on", button.dataset.levelId === level);
      button.setAttribute("aria-pressed", String(button.dataset.levelId === level));
    }
  }
  function renderFigures() {
    const list = el("figures");
    list.replaceChildren();
    const rows = [["GIA", state.figures.gia.text, "gia"], ["GLA", state.figures.gla.text, "gla"],
      ["Total scanned", state.figures.total.text, "total"]];
    for (const [label, value, key] of rows) {
      const dt = document.createElement("dt"); dt.textContent = label;
      const dd = document.createElement("dd"); dd.textContent = value; dd.id = "figure-" + key;
      dd.dataset.sqMm = state.figures[key].sq_mm;
      list.append(dt, dd);
    }
    for (const l of state.figures.levels) {
      const dt = document.createElement("dt"); dt.textContent = l.name; dt.className = "level";
      const dd = document.createElement("dd"); dd.className = "level";
      dd.textContent = `GIA ${l.gia.text} · GLA ${l.grade === "below" ? "below grade" : l.gla.text}`;
      list.append(dt, dd);
    }
  }
  function renderHistory() {
    const list = el("history");
    list.replaceChildren();
    for (const item of state.history) {
      const li = document.createElement("li");
      const when = new Date(item.created_at * 1000).toLocaleString();
      const head = document.createElement("div");
      head.className = "version-head";
      head.textContent = `v${item.version} · ${item.author} · ${when}`;
      li.append(head);
      const what = document.createElement("div");
      what.className = "version-note";
      what.textContent = item.changes.length ? item.changes.join("; ") : (item.note || "");
      li.append(what);
      if (item.version !== state.version) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = "Restore";
        button.dataset.restore = item.version;
        button.addEventListener("click", () => restore(item.version));
        li.append(button);
      } else {
        li.classList.add("current");
      }
      list.append(li);
    }
  }
  function renderProgress() {
    const p = state.progress, out = el("progress");
    out.dataset.finished = String(p.finished);
    out.dataset.version = p.version;
    out.textContent = p.finished
      ? `Every file is up to date with version ${p.version}.`
      : `Updating files for version ${p.version}: ${p.done} of ${p.total} done…`;
    if (!p.finished && !polling) polling = setInterval(poll, 1000);
    if (p.finished && polling) { clearInterval(polling); polling = null; }
  }
  function renderPending() {
    const list = el("pending");
    list.replaceChildren();
    for (const op of pending) {
      const li = document.createElement("li");
      li.textContent = describe(op);
      list.append(li);
    }
    el("save").disabled = pending.length === 0;
    el("discard").disabled = pending.length === 0;
  }
  function describe(op) {
    if (op.op === "property") {
      const parts = [];
      if (op.property_type) parts.push("type " + op.property_type);
      if (op.north_deg !== undefined) parts.push("north " + op.north_deg + "°");
      if (op.clear_north) parts.push("north cleared");
      return "Property: " + parts.join(", ");
    }
    if (op.op === "add_room") return `Add room ${op.name} (${op.polygon.length} corners)`;
    if (op.op === "reshape_room" || op.op === "delete_room") {
      const s = space(op.id);
      return (op.op === "reshape_room" ? "Move boundary of " : "Delete room ") + (s ? s.name : op.id);
    }
    if (op.op === "room") {
      const s = space(op.id);
      const said = Object.keys(op).filter((k) => k !== "op" && k !== "id").map((k) => {
        const value = op[k];
        if (k === "clear_ceiling_height") return "ceiling height back to the level's";
        if (k === "ceiling_height") return "ceiling height " + heightText(value) + (metricUnits() ? " m" : " ft");
        if (typeof value === "boolean") return `${k} ${value ? "yes" : "no"}`;
        return `${k.replace(/_/g, " ")} "${value}"`;
      });
      return `Room ${s ? s.name : op.id}: ` + said.join(", ");
    }
    return op.op.replace("_", " ") + (op.id ? " " + op.id : "");
  }
  function renderForm() {
    const form = el("room-form");
    const room = selected && selected.kind === "room" ? space(selected.id) : null;
    if (!room) { form.hidden = true; return; }
    form.hidden = false;
    el("room-title").textContent = room.name;
    if (document.activeElement !== el("room-name")) el("room-name").value = room.name;
    el("room-type").value = room.type;
    el("room-finished").checked = room.finished;
    el("room-heated").checked = room.heated;
    el("room-enclosed").checked = !OUTDOOR.has(room.type);
    if (document.activeElement !== el("room-ceiling")) {
      el("room-ceiling").value = room.ceiling_height ? heightText(room.ceiling_height) : "";
    }
    el("room-area").textContent = roomArea(room.id);
    el("room-area").dataset.spaceId = room.id;
  }

  // ---- interaction --------------------------------------------------------------------------
  function select(kind, id) {
    selected = { kind, id };
    const button = el("delete-selected");
    if (button) button.disabled = kind === "room" && state.mode !== "drafter";
    render();
  }
  function setMessage(text, kind) {
    const out = el("message");
    out.textContent = text || "";
    out.dataset.kind = kind || "";
  }
  function snapPoint(point, skip) {
    return G.snapWallEnd(model.walls.filter((w) => w.level_id === level), point, skip);
  }
  function snapCorner(point, skipRoom) {
    const rooms = model.spaces.filter((s) => s.level_id === level && s.id !== skipRoom);
    return G.snapBoundary(model.walls.filter((w) => w.level_id === level), rooms, point);
  }
  function planPoint(event) {
    const matrix = plan.getScreenCTM().inverse();
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
    return [point.x, -point.y];
  }
  function planClicked(event) {
    if (state.mode === "drafter" && tool === "room") { roomClicked(planPoint(event)); return; }
    if (state.mode !== "drafter" || tool !== "wall") return;
    const point = snapPoint(planPoint(event));
    if (!wallStart) {
      wallStart = point;
      el("tool-hint").textContent = "Click where the wall ends.";
      render();
      return;
    }
    let end = straighten(wallStart, point);
    end = snapPoint(end);
    end = straighten(wallStart, end);
    if (Math.hypot(end[0] - wallStart[0], end[1] - wallStart[1]) < 200) return;
    const start = wallStart;
    wallStart = null;
    el("tool-hint").textContent = "Click where the next wall starts.";
    edit({ op: "add_wall", level_id: level, start, end, kind: "interior", _id: nextId("new-w") });
  }
  function wallClicked(event, w) {
    if (state.mode !== "drafter") return;
    if (tool === "door" || tool === "window") {
      event.stopPropagation();
      const point = planPoint(event);
      const dx = w.end[0] - w.start[0], dy = w.end[1] - w.start[1];
      const length = Math.hypot(dx, dy);
      const width = tool === "door" ? 810 : 1200;
      let offset = ((point[0] - w.start[0]) * dx + (point[1] - w.start[1]) * dy) / length;
      offset = Math.round(Math.max(width / 2, Math.min(length - width / 2, offset)) / GRID_MM) * GRID_MM;
      edit({ op: "add_opening", wall_id: w.id, kind: tool, offset, width, _id: nextId("new-o") });
    } else if (tool === "select") {
      event.stopPropagation();
      select("wall", w.id);
    }
  }
  function startDrag(event, w, end) {
    if (tool !== "select") return;
    event.preventDefault();
    event.stopPropagation();
    drag = { wall: w, end, from: { start: w.start.slice(), end: w.end.slice() } };
    plan.setPointerCapture(event.pointerId);
  }
  function moveDrag(event) {
    if (!drag) return;
    if (drag.room) { moveCorner(event); return; }
    const other = drag.end === "start" ? drag.wall.end : drag.wall.start;
    drag.wall[drag.end] = straighten(other, snapPoint(planPoint(event), drag.wall));
    render();
  }
  function endDrag() {
    if (!drag) return;
    if (drag.room) { endCorner(); return; }
    const w = drag.wall;
    const moved = { start: w.start.slice(), end: w.end.slice() };
    w.start = drag.from.start; w.end = drag.from.end;
    drag = null;
    if (moved.start.join() !== w.start.join() || moved.end.join() !== w.end.join()) {
      edit({ op: "move_wall", id: w.id, start: moved.start, end: moved.end });
    }
  }
  function deleteSelected() {
    if (!selected) return;
    if (selected.kind === "wall") edit({ op: "delete_wall", id: selected.id });
    if (selected.kind === "opening") edit({ op: "delete_opening", id: selected.id });
    if (selected.kind === "room" && state.mode === "drafter") {
      const added = pending.find((p) => p.op === "add_room" && p._id === selected.id);
      if (added) { pending = pending.filter((p) => p !== added); model.spaces = model.spaces.filter((x) => x.id !== selected.id); }
      else edit({ op: "delete_room", id: selected.id });
    }
    selected = null;
    render();
  }
  function roomChanged(field) {
    const room = selected && space(selected.id);
    if (!room) return;
    const op = { op: "room", id: room.id };
    if (field === "name") {
      const name = el("room-name").value.trim();
      if (!name || name === room.name) return;
      op.name = name;
    } else if (field === "type") op.type = el("room-type").value;
    else if (field === "finished") op.finished = el("room-finished").checked;
    else if (field === "heated") op.heated = el("room-heated").checked;
    else if (field === "enclosed") op.enclosed = el("room-enclosed").checked;
    else if (field === "ceiling") {
      const text = el("room-ceiling").value.trim();
      if (!text) op.clear_ceiling_height = true;
      else {
        const mm = parseHeight(text);
        if (mm === null) { setMessage("Enter the ceiling height as a number.", "error"); return; }
        op.ceiling_height = mm;
      }
    }
    edit(op);
  }

  // ---- room boundaries (drafter), the room list, the property ------------------------------
  function drawBoundaries(fontSize) {
    if (state.mode !== "drafter") return;
    const layer = node("g", { class: "boundaries" }, plan);
    const room = selected && selected.kind === "room" && tool === "select" ? space(selected.id) : null;
    if (room && room.level_id === level) {
      room.polygon.forEach((p, index) => {
        const handle = node("circle", { cx: p[0], cy: -p[1], r: fontSize * 0.45, class: "corner",
          "data-space-id": room.id, "data-corner": index }, layer);
        handle.addEventListener("pointerdown", (event) => startCorner(event, room, index));
      });
    }
    if (roomDraft && roomDraft.length) {
      const d = "M" + roomDraft.map((p) => `${p[0]} ${-p[1]}`).join(" L");
      node("path", { d, class: "room-draft" }, layer);
      roomDraft.forEach((p, index) => node("circle", { cx: p[0], cy: -p[1], r: fontSize * 0.35,
        class: "draft-corner" + (index === 0 ? " first" : "") }, layer));
    }
  }
  function roomClicked(raw) {
    const point = snapCorner(raw);
    if (!roomDraft) roomDraft = [];
    if (roomDraft.length >= 3 && G.distance(point, roomDraft[0]) < G.SNAP_MM) {
      const polygon = roomDraft;
      roomDraft = null;
      el("tool-hint").textContent = "Room added; click to start another.";
      edit({ op: "add_room", level_id: level, polygon, name: "Room", type: "other", _id: nextId("new-r") });
      return;
    }
    const last = roomDraft[roomDraft.length - 1];
    roomDraft.push(last ? straighten(last, point) : point);
    el("tool-hint").textContent = roomDraft.length < 3
      ? "Click the next corner; corners snap to wall faces and other rooms."
      : "Click the first corner again to close the room.";
    render();
  }
  function startCorner(event, room, index) {
    event.preventDefault();
    event.stopPropagation();
    drag = { room: room.id, index, from: room.polygon.map((p) => p.slice()) };
    plan.setPointerCapture(event.pointerId);
  }
  function moveCorner(event) {
    const room = space(drag.room);
    room.polygon[drag.index] = snapCorner(planPoint(event), room.id);
    render();
  }
  function endCorner() {
    const room = space(drag.room);
    const polygon = room.polygon.map((p) => p.slice());
    room.polygon = drag.from;
    drag = null;
    if (polygon.map(String).join() === room.polygon.map(String).join()) { render(); return; }
    const added = pending.find((p) => p.op === "add_room" && p._id === room.id);
    if (added) { added.polygon = polygon; room.polygon = polygon; render(); return; }
    edit({ op: "reshape_room", id: room.id, polygon });
  }
  function renderRoomList() {
    const box = el("room-list");
    box.replaceChildren();
    const levels = model.levels.slice().sort((a, b) => a.index - b.index);
    for (const l of levels) {
      const title = document.createElement("h3");
      title.textContent = l.name;
      const list = document.createElement("ul");
      list.dataset.levelId = l.id;
      for (const s of model.spaces.filter((x) => x.level_id === l.id)) {
        const li = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.spaceId = s.id;
        if (selected && selected.kind === "room" && selected.id === s.id) button.classList.add("is-on");
        if (otherChanged.has(s.id)) button.classList.add("changed-by-other");
        const name = document.createElement("span"); name.className = "name"; name.textContent = s.name;
        const area = document.createElement("span"); area.className = "area";
        area.textContent = roomArea(s.id) + (s.finished ? "" : " · unfinished");
        button.append(name, " ", area);
        button.addEventListener("click", () => { level = l.id; wallStart = null; roomDraft = null; select("room", s.id); });
        li.append(button);
        list.append(li);
      }
      box.append(title, list);
    }
  }
  function renderProperty() {
    const info = model.property;
    if (document.activeElement !== el("property-type")) el("property-type").value = info.property_type;
    if (document.activeElement !== el("north-deg")) el("north-deg").value = info.north_deg === null || info.north_deg === undefined ? "" : String(info.north_deg);
    const turn = `rotate(${-(info.north_deg || 0)})`;
    for (const part of document.querySelectorAll("#north-arrow .needle, #north-arrow .north-n")) part.setAttribute("transform", turn);
  }
  function propertyChanged(field) {
    if (field === "type") { edit({ op: "property", property_type: el("property-type").value }); return; }
    const text = el("north-deg").value.trim();
    if (!text) { edit({ op: "property", clear_north: true }); return; }
    const value = parseFloat(text.replace(",", "."));
    if (!isFinite(value)) { setMessage("Enter north as degrees, 0 to 359.", "error"); return; }
    edit({ op: "property", north_deg: ((value % 360) + 360) % 360 });
  }
  function roomsChangedBetween(before, after) {
    const changed = new Set();
    // what a person sees of a room (documents may differ in fields left at their defaults)
    const seen = (s) => JSON.stringify([s.name, s.type, s.finished, s.heated, s.ceiling_height || null, s.polygon]);
    const old = new Map(before.spaces.map((s) => [s.id, seen(s)]));
    for (const s of after.spaces) if (old.get(s.id) !== seen(s)) changed.add(s.id);
    return changed;
  }
  function showReview(theirs, mine, note) {
    el("review").hidden = false;
    el("review-note").textContent = note;
    const fill = (id, lines) => {
      const list = el(id);
      list.replaceChildren();
      for (const line of lines) { const li = document.createElement("li"); li.textContent = line; list.append(li); }
    };
    fill("review-theirs", theirs);
    fill("review-mine", mine);
  }

  // ---- the server ---------------------------------------------------------------------------
  async function call(path, body) {
    const response = await fetch(`/orders/${state.order_id}/edit${path}`, {
      method: body ? "POST" : "GET",
      headers: Object.assign({ "X-Quick-Edit-Token": token }, body ? { "Content-Type": "application/json" } : {}),
      body: body ? JSON.stringify(body) : undefined,
      credentials: "omit",
    });
    let data = null;
    try { data = await response.json(); } catch (error) { data = null; }
    return { status: response.status, data };
  }
  function errorText(answer) {
    const data = answer.data || {};
    if (data.message) return data.message;
    if (data.validation_error) {
      return Object.values(data.validation_error).flat().map((e) => `${e.loc.join(".")}: ${e.msg}`).join("; ");
    }
    return `The server answered ${answer.status}.`;
  }
  function adopt(next) {
    state = next;
    model = clone(state.model);
    el("version").textContent = "version " + state.version;
    if (!state.model.levels.some((l) => l.id === level)) level = firstLevel();
    if (selected && selected.kind === "room" && !space(selected.id)) selected = null;
    renderFigures();
    renderHistory();
    renderProgress();
    render();
  }
  async function save(retried) {
    el("save").disabled = true;
    setMessage("Saving…");
    const answer = await call("/save", { base_version: state.version, operations: wireOps() });
    if (answer.status === 200) {
      pending = [];
      adopt(answer.data);
      setMessage(retried ? "Saved on top of the other editor's version." : "Saved: " + answer.data.changes.join("; "), "ok");
      return;
    }
    if (answer.status === 409 && answer.data && answer.data.code === "conflict" && !retried) {
      // someone saved first: take their version, put our edit on top of it, save again
      const fresh = await call("/state");
      if (fresh.status !== 200) { setMessage(errorText(fresh), "error"); return; }
      const mine = pending;
      const base = state.version, before = state.model;
      const theirs = fresh.data.history.filter((item) => item.version > base).reverse()
        .map((item) => `v${item.version} · ${item.author}: ${item.changes.length ? item.changes.join("; ") : item.note}`);
      const yours = mine.map(describe);
      pending = [];
      adopt(fresh.data);
      otherChanged = roomsChangedBetween(before, fresh.data.model);
      const other = fresh.data.history[0].author;
      try {
        for (const op of mine) { applyLocal(model, op); pending.push(op); }
      } catch (error) {
        showReview(theirs, yours, `${other} saved version ${fresh.data.version} first; your edit no longer fits: ${error.message}`);
        setMessage(`${other} saved version ${fresh.data.version} first, and ${error.message}`, "error");
        render();
        return;
      }
      showReview(theirs, yours, `${other} saved version ${fresh.data.version} while you were editing. ` +
        "Your changes were put on top of theirs; rooms they changed are outlined on the plan.");
      setMessage(`${other} saved version ${fresh.data.version} meanwhile; adding your changes to it…`);
      render();
      await save(true);
      return;
    }
    setMessage(errorText(answer), "error");
    el("save").disabled = false;
  }
  async function restore(version) {
    if (pending.length && !confirm("Discard your unsaved changes and restore version " + version + "?")) return;
    pending = [];
    setMessage("Restoring version " + version + "…");
    const answer = await call("/undo", { base_version: state.version, to_version: version });
    if (answer.status === 200) { adopt(answer.data); setMessage(`Version ${version} restored.`, "ok"); }
    else setMessage(errorText(answer), "error");
  }
  async function poll() {
    const answer = await call("/state");
    if (answer.status !== 200) return;
    if (answer.data.version !== state.version) {
      setMessage(`Version ${answer.data.version} was saved by ${answer.data.history[0].author}.`);
      if (!pending.length) { adopt(answer.data); return; }
    }
    state.progress = answer.data.progress;
    renderProgress();
  }

  // ---- start --------------------------------------------------------------------------------
  const typeSelect = el("room-type");
  for (const type of TYPES) {
    const option = document.createElement("option");
    option.value = type;
    option.textContent = type.replace(/_/g, " ");
    typeSelect.append(option);
  }
  el("ceiling-unit").textContent = metricUnits() ? "(m)" : "(ft)";
  el("room-name").addEventListener("change", () => roomChanged("name"));
  el("room-type").addEventListener("change", () => roomChanged("type"));
  el("room-finished").addEventListener("change", () => roomChanged("finished"));
  el("room-heated").addEventListener("change", () => roomChanged("heated"));
  el("room-enclosed").addEventListener("change", () => roomChanged("enclosed"));
  el("room-ceiling").addEventListener("change", () => roomChanged("ceiling"));
  el("room-form").addEventListener("submit", (event) => { event.preventDefault(); roomChanged("name"); });
  el("save").addEventListener("click", () => { roomChanged("name"); save(false); });
  el("discard").addEventListener("click", () => { pending = []; model = clone(state.model); setMessage(""); render(); });
  for (const button of document.querySelectorAll("#levels button")) {
    button.addEventListener("click", () => { level = button.dataset.levelId; selected = null; wallStart = null; roomDraft = null; render(); });
  }
  for (const button of document.querySelectorAll("#tools [data-tool]")) {
    button.addEventListener("click", () => {
      tool = button.dataset.tool;
      wallStart = null;
      roomDraft = null;
      for (const other of document.querySelectorAll("#tools [data-tool]")) other.classList.toggle("is-on", other === button);
      const hints = { select: "Click a room to edit it; drag a wall end or a room corner to move it.",
        wall: "Click where the wall starts; ends snap to walls nearby.",
        door: "Click a wall to put a door there.", window: "Click a wall to put a window there.",
        room: "Click the room's corners; they snap to wall faces and other rooms." };
      el("tool-hint").textContent = hints[tool];
      render();
    });
  }
  el("property-type").addEventListener("change", () => propertyChanged("type"));
  el("north-deg").addEventListener("change", () => propertyChanged("north"));
  el("property-form").addEventListener("submit", (event) => { event.preventDefault(); propertyChanged("north"); });
  el("review-close").addEventListener("click", () => { el("review").hidden = true; otherChanged = new Set(); render(); });
  const del = el("delete-selected");
  if (del) del.addEventListener("click", deleteSelected);
  plan.addEventListener("click", planClicked);
  plan.addEventListener("pointermove", moveDrag);
  plan.addEventListener("pointerup", endDrag);
  plan.addEventListener("pointercancel", endDrag);
  adopt(state);
})();
