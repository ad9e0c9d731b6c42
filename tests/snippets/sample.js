// Small event emitter with helpers.
import { readFile } from "node:fs/promises";

export function loadConfig(path) {
  return readFile(path, "utf8").then((text) => JSON.parse(text));
}

function* ids(start = 0) {
  let n = start;
  while (true) yield n++;
}

const debounce = (fn, ms) => {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
};

const handler = function (event) { return /a+b/g.test(`x${event.type}`); };

class Emitter {
  listeners = new Map();
  on(name, cb) {
    (this.listeners.get(name) ?? this.listeners.set(name, []).get(name)).push(cb);
  }
  emit = (name, payload) => this.listeners.get(name)?.forEach((cb) => cb(payload));
}
