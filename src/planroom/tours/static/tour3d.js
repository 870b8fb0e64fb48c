// The 3D view: the order's GLB in an orbit viewer (three.js, vendored and served by Planroom).
// Loaded only when a visitor opens the 3D tab. Levels are nodes named `level-<id>`
// (planroom/render/three_d/glb.py); choosing a level shows it and the levels below it, so the rooms
// of a lower floor are not hidden under the one above.

import * as THREE from "three";
import { GLTFLoader } from "three/addons/loaders/GLTFLoader.js";
import { OrbitControls } from "three/addons/controls/OrbitControls.js";

const BACKGROUND = 0xf1efe9;
const ELEVATION_DEG = 50;
const AZIMUTH_DEG = -30;

function webglAvailable(canvas) {
  try {
    return Boolean(canvas.getContext("webgl2") || canvas.getContext("webgl"));
  } catch {
    return false;
  }
}

export async function createViewer(stage, url, { levels = [], levelIndex = 0 } = {}) {
  const canvas = stage.querySelector("canvas");
  if (!webglAvailable(canvas)) throw new Error("WebGL is not available");
  const renderer = new THREE.WebGLRenderer({ canvas, antialias: true });
  renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
  renderer.setClearColor(BACKGROUND, 1);

  const scene = new THREE.Scene();
  scene.background = new THREE.Color(BACKGROUND);
  scene.add(new THREE.HemisphereLight(0xffffff, 0x8f8576, 1.8));
  const sun = new THREE.DirectionalLight(0xffffff, 1.7);
  scene.add(sun);
  scene.add(sun.target);
  const fill = new THREE.DirectionalLight(0xfff6ea, 0.7);
  scene.add(fill);
  scene.add(fill.target);

  const gltf = await new GLTFLoader().loadAsync(url);
  const model = gltf.scene;
  scene.add(model);

  const levelNodes = levels.map((id) => model.getObjectByName(`level-${id}`) || null);
  const box = new THREE.Box3().setFromObject(model);
  const centre = box.getCenter(new THREE.Vector3());
  const size = box.getSize(new THREE.Vector3());
  const radius = Math.max(size.length() / 2, 1);

  const camera = new THREE.PerspectiveCamera(35, 1, radius / 100, radius * 20);
  const controls = new OrbitControls(camera, canvas);
  controls.enableDamping = true;
  controls.dampingFactor = 0.12;
  controls.maxPolarAngle = THREE.MathUtils.degToRad(88);
  controls.minDistance = radius * 0.4;
  controls.maxDistance = radius * 6;
  controls.screenSpacePanning = true;

  function frame(target) {
    const fov = THREE.MathUtils.degToRad(camera.fov);
    const fit = Math.min(fov, 2 * Math.atan(Math.tan(fov / 2) * camera.aspect));
    const distance = (radius / Math.sin(fit / 2)) * 1.02;
    const elevation = THREE.MathUtils.degToRad(ELEVATION_DEG);
    const azimuth = THREE.MathUtils.degToRad(AZIMUTH_DEG);
    camera.position.set(
      target.x + distance * Math.cos(elevation) * Math.sin(azimuth),
      target.y + distance * Math.sin(elevation),
      target.z + distance * Math.cos(elevation) * Math.cos(azimuth),
    );
    controls.target.copy(target);
    controls.update();
    sun.position.set(centre.x + radius, centre.y + radius * 2, centre.z + radius * 1.5);
    sun.target.position.copy(centre);
    fill.position.set(centre.x - radius * 1.5, centre.y + radius, centre.z - radius);
    fill.target.position.copy(centre);
  }

  let running = false;
  let dirty = true;
  controls.addEventListener("change", () => {
    dirty = true;
  });

  function resize() {
    const width = Math.max(stage.clientWidth, 1);
    const height = Math.max(stage.clientHeight, 1);
    renderer.setSize(width, height, false);
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
    dirty = true;
  }

  function tick() {
    controls.update();
    if (dirty) {
      renderer.render(scene, camera);
      dirty = false;
      stage.dataset.frames = String(Number(stage.dataset.frames || 0) + 1);
    }
  }

  function showLevel(index) {
    levelNodes.forEach((node, i) => {
      if (node) node.visible = i <= index;
    });
    const visible = new THREE.Box3();
    levelNodes.forEach((node) => {
      if (node && node.visible) visible.expandByObject(node);
    });
    const target = visible.isEmpty() ? centre : visible.getCenter(new THREE.Vector3());
    controls.target.copy(target);
    dirty = true;
    stage.dataset.level = String(index);
  }

  new ResizeObserver(resize).observe(stage);
  resize();
  frame(centre);
  if (levelNodes.some(Boolean)) showLevel(Math.max(levelIndex, 0));

  const viewer = {
    pause() {
      running = false;
      renderer.setAnimationLoop(null);
    },
    resume() {
      if (running) return;
      running = true;
      dirty = true;
      renderer.setAnimationLoop(tick);
    },
    showLevel,
    meshes: (() => {
      let count = 0;
      model.traverse((object) => {
        if (object.isMesh) count += 1;
      });
      return count;
    })(),
  };
  stage.dataset.meshes = String(viewer.meshes);
  viewer.resume();
  return viewer;
}
