// The tour page: level switcher, room details on tap, unit switch, and the 3D view on demand.
// Numbers come from millimetres embedded in the page (#tour-data) and are formatted here exactly
// as the plan renderer formats them (planroom/render/measure_text.py): half-up rounding on the
// shortest decimal form of the number, feet and inches with the carry, m with two decimals,
// sq ft whole and m² with one decimal, a decimal comma in the languages that use one.

const DECIMAL_COMMA = new Set(["fi", "de", "fr", "es", "sv"]);
const MM_PER_INCH = 25.4;
const SQ_MM_PER_SQ_FOOT = 304.8 * 304.8;

/** A plain non-negative decimal string rounded to `places` decimals ("half-up" or "half-even"). */
function roundDigits(text, places, mode) {
  let [whole, fraction = ""] = text.split(".");
  if (fraction.length <= places) return [whole, fraction.padEnd(places, "0")];
  const kept = whole + fraction.slice(0, places);
  const dropped = fraction.slice(places);
  const first = dropped.charCodeAt(0) - 48;
  const restNonZero = /[1-9]/.test(dropped.slice(1));
  const lastKept = kept.charCodeAt(kept.length - 1) - 48;
  const up =
    mode === "half-up"
      ? first >= 5
      : first > 5 || (first === 5 && (restNonZero || lastKept % 2 === 1));
  const digits = kept.split("").map(Number);
  if (up) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) {
      digits[i] = 0;
      i -= 1;
    }
    if (i < 0) digits.unshift(1);
    else digits[i] += 1;
  }
  const joined = digits.join("");
  whole = joined.slice(0, joined.length - places).replace(/^0+(?=\d)/, "") || "0";
  return [whole, joined.slice(joined.length - places)];
}

/**
 * `value` rounded half away from zero at `places` decimals, as a plain decimal string, the way
 * planroom.floormodel.units.round_half_up does it: the shortest decimal form of the float is first
 * cleaned to `places + 6` decimals (half-even), so 0.49999999999999994 counts as 0.5.
 */
export function roundHalfUp(value, places) {
  let text = String(Math.abs(value));
  if (/e/i.test(text)) text = Math.abs(value).toFixed(Math.min(100, places + 20));
  const cleaned = roundDigits(text, places + 6, "half-even").join(".");
  const [whole, fraction] = roundDigits(cleaned, places, "half-up");
  const body = places > 0 ? `${whole}.${fraction}` : whole;
  // Like Python's Decimal, a negative number keeps its sign even when it rounds to zero.
  return value < 0 ? `-${body}` : body;
}

function wholeNumber(value) {
  return Number(roundHalfUp(value, 0));
}

function thousands(value, language) {
  const grouped = String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return DECIMAL_COMMA.has(language) ? grouped.replace(/,/g, "\u00a0") : grouped;
}

function decimal(text, language) {
  return DECIMAL_COMMA.has(language) ? text.replace(".", ",") : text;
}

export function feetInches(mm) {
  const totalInches = wholeNumber(Math.abs(mm) / MM_PER_INCH);
  const feet = Math.floor(totalInches / 12);
  const inches = totalInches % 12;
  const sign = mm < 0 && totalInches ? "-" : "";
  return `${sign}${feet}'${inches}"`;
}

export function metres(mm, language = "en") {
  return decimal(roundHalfUp(mm / 1000.0, 2), language);
}

export function lengthText(mm, units, language = "en") {
  return units === "metric" ? `${metres(mm, language)} m` : feetInches(mm);
}

export function sizeText(longMm, shortMm, units, language = "en") {
  if (units === "metric") {
    return `${metres(longMm, language)} x ${metres(shortMm, language)} m`;
  }
  return `${feetInches(longMm)} x ${feetInches(shortMm)}`;
}

export function areaText(sqMm, units, language = "en") {
  if (units === "metric") {
    const [integer, fraction] = roundHalfUp(sqMm / 1000000.0, 1).split(".");
    return `${decimal(`${thousands(Number(integer), language)}.${fraction}`, language)} m²`;
  }
  return `${thousands(wholeNumber(sqMm / SQ_MM_PER_SQ_FOOT), language)} sq ft`;
}

export const format = { roundHalfUp, feetInches, metres, lengthText, sizeText, areaText };

class Tour {
  constructor(root, data) {
    this.root = root;
    this.data = data;
    this.units = data.units;
    this.language = data.language;
    this.levelId = data.entryLevelId ?? (data.levels.length ? data.levels[0].id : null);
    this.roomId = null;
    this.view = "plan";
    this.viewer = null;
    this.viewerLoading = null;
    this.rooms = new Map();
    for (const level of data.levels) {
      for (const room of level.rooms) this.rooms.set(`${level.id}/${room.id}`, { room, level });
    }
  }

  start() {
    const root = this.root;
    for (const button of root.querySelectorAll(".units [data-units]")) {
      button.addEventListener("click", () => this.setUnits(button.dataset.units));
    }
    for (const button of root.querySelectorAll(".levels [data-level-id]")) {
      button.addEventListener("click", () => this.setLevel(button.dataset.levelId));
    }
    for (const button of root.querySelectorAll(".views [data-view]")) {
      button.addEventListener("click", () => this.setView(button.dataset.view));
    }
    const planView = root.querySelector("#plan-view");
    planView.addEventListener("click", (event) => {
      const path = event.target.closest("path[data-space-id]");
      if (path) this.selectRoom(path.dataset.spaceId);
    });
    planView.addEventListener("keydown", (event) => {
      const path = event.target.closest("path[data-space-id]");
      if (path && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        this.selectRoom(path.dataset.spaceId);
      }
    });
    for (const button of root.querySelectorAll(".room-list [data-space-id]")) {
      button.addEventListener("click", () => this.selectRoom(button.dataset.spaceId));
    }
    this.renderNumbers();
    root.body.dataset.ready = "true";
  }

  setUnits(units) {
    if (units !== "imperial" && units !== "metric") return;
    this.units = units;
    for (const button of this.root.querySelectorAll(".units [data-units]")) {
      button.setAttribute("aria-checked", String(button.dataset.units === units));
    }
    this.renderNumbers();
  }

  renderNumbers() {
    const { units, language } = this;
    for (const element of this.root.querySelectorAll("[data-area-sq-mm]")) {
      element.textContent = areaText(Number(element.dataset.areaSqMm), units, language);
    }
    for (const text of this.root.querySelectorAll(".plan-svg text[data-role][data-space-id]")) {
      const levelId = text.closest("svg").dataset.levelId;
      const found = this.rooms.get(`${levelId}/${text.dataset.spaceId}`);
      if (!found) continue;
      const { room } = found;
      if (text.dataset.role === "dims") {
        text.textContent = sizeText(room.longMm, room.shortMm, units, language);
      } else if (text.dataset.role === "area") {
        text.textContent = areaText(room.areaSqMm, units, language);
      }
    }
    this.renderRoom();
  }

  setLevel(levelId) {
    if (!this.data.levels.some((level) => level.id === levelId)) return;
    this.levelId = levelId;
    for (const button of this.root.querySelectorAll(".levels [data-level-id]")) {
      button.setAttribute("aria-selected", String(button.dataset.levelId === levelId));
    }
    for (const element of this.root.querySelectorAll(".plan[data-level-id], .room-list[data-level-id]")) {
      element.hidden = element.dataset.levelId !== levelId;
    }
    this.selectRoom(null);
    if (this.viewer) this.viewer.showLevel(this.levelIndex());
  }

  levelIndex() {
    return this.data.levels.findIndex((level) => level.id === this.levelId);
  }

  selectRoom(roomId) {
    this.roomId = roomId && this.rooms.has(`${this.levelId}/${roomId}`) ? roomId : null;
    for (const element of this.root.querySelectorAll("[data-space-id].is-selected")) {
      element.classList.remove("is-selected");
    }
    if (this.roomId) {
      const selector = `[data-level-id="${CSS.escape(this.levelId)}"] [data-space-id="${CSS.escape(this.roomId)}"]`;
      for (const element of this.root.querySelectorAll(selector)) {
        if (element.tagName.toLowerCase() !== "text") element.classList.add("is-selected");
      }
    }
    this.renderRoom();
  }

  renderRoom() {
    const card = this.root.querySelector("#room-card");
    const hint = card.querySelector(".room-hint");
    const info = card.querySelector(".room-info");
    const found = this.roomId ? this.rooms.get(`${this.levelId}/${this.roomId}`) : null;
    hint.hidden = Boolean(found);
    info.hidden = !found;
    card.dataset.spaceId = found ? found.room.id : "";
    if (!found) return;
    const { room, level } = found;
    const { units, language } = this;
    info.querySelector(".room-name").textContent = room.name;
    info.querySelector(".room-level").textContent = level.name;
    info.querySelector(".room-size-row").hidden = !room.measured;
    info.querySelector(".room-area-row").hidden = !room.measured;
    info.querySelector(".room-size").textContent = sizeText(room.longMm, room.shortMm, units, language);
    info.querySelector(".room-area").textContent = areaText(room.areaSqMm, units, language);
  }

  setView(view) {
    const panel = this.root.querySelector("#model-view");
    if (!panel || (view !== "plan" && view !== "model")) return;
    this.view = view;
    for (const button of this.root.querySelectorAll(".views [data-view]")) {
      button.setAttribute("aria-selected", String(button.dataset.view === view));
    }
    this.root.querySelector("#plan-view").hidden = view !== "plan";
    panel.hidden = view !== "model";
    this.root.body.dataset.view = view;
    if (view === "model") {
      this.openModel(panel);
    } else if (this.viewer) {
      this.viewer.pause();
    }
  }

  openModel(panel) {
    if (this.viewer) {
      this.viewer.resume();
      return;
    }
    if (this.viewerLoading) return;
    const status = panel.querySelector(".model-status");
    panel.dataset.state = "loading";
    this.viewerLoading = import(panel.dataset.src)
      .then((module) =>
        module.createViewer(panel.querySelector(".model-stage"), panel.dataset.modelUrl, {
          levels: this.data.levels.map((level) => level.id),
          levelIndex: this.levelIndex(),
        }),
      )
      .then((viewer) => {
        this.viewer = viewer;
        panel.dataset.state = "ready";
        status.hidden = true;
        if (this.view !== "model") viewer.pause();
      })
      .catch((error) => {
        panel.dataset.state = "error";
        status.hidden = false;
        status.textContent = this.data.text.no_3d;
        console.error("3D model:", error);
      });
  }
}

const dataElement = document.getElementById("tour-data");
if (dataElement) {
  const tour = new Tour(document, JSON.parse(dataElement.textContent));
  window.planroomTour = { tour, format };
  tour.start();
}
