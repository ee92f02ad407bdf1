// The deadline calculator: runs the qideadlines wheel in this page with Pyodide.
//
// Every file comes from this site (_calc/, written by the docs build): the
// Pyodide core from npm and the wheels from PyPI, pinned and hash-checked.
// Wheels are installed from their URLs on this site, never by package name,
// because a name would be resolved against Pyodide's CDN. Nothing the reader
// types leaves the page.

const form = document.getElementById("qd-form");
const statusLine = document.getElementById("qd-status");
const progress = document.getElementById("qd-progress");
const result = document.getElementById("qd-result");
const data = JSON.parse(document.getElementById("qd-data").textContent);
const calc = new URL("_calc/", document.baseURI);

// The batch columns a query string may carry, in the form's order.
const FIELDS = [
  "jurisdiction", "incident_date", "claim", "legal_process_date",
  "favorable_termination_date", "conviction_invalidated_date", "accrual_date",
  "birth_date", "defendant", "sued", "locality", "denial_date", "notice_date",
  "release_date", "prisoner", "exhaustion_start", "exhaustion_end", "case", "today",
];
const MULTI = new Set(["defendant", "sued"]);

let engine = null; // a promise of the Python function `calculate`
let lastIcs = null;

function say(text) {
  statusLine.textContent = text;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }
  return node;
}

// The reader's own date, in their time zone: days left count from it.
function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function fillLocalities(code, chosen) {
  const select = form.elements.locality;
  select.replaceChildren(el("option", { value: "" }, "None"));
  for (const [id, name] of data.localities[code] || []) {
    select.append(el("option", { value: id }, name));
  }
  select.value = chosen || "";
  select.disabled = select.options.length === 1;
}

// The form from a query string: a link or a bookmark reopens the same facts.
function formFromQuery(query) {
  const params = new URLSearchParams(query);
  for (const name of FIELDS) {
    const value = params.get(name);
    if (value === null) continue;
    const field = form.elements[name];
    if (!field) continue;
    if (MULTI.has(name)) {
      const wanted = new Set(value.toLowerCase().split(/[;,|\s]+/).filter(Boolean));
      for (const box of form.querySelectorAll(`input[name="${name}"]`)) {
        box.checked = wanted.has(box.value);
      }
    } else if (name === "prisoner") {
      field.checked = ["yes", "y", "true", "1"].includes(value.toLowerCase());
    } else if (name !== "locality") {
      field.value = name === "jurisdiction" ? value.toUpperCase() : value;
    }
  }
  fillLocalities(form.elements.jurisdiction.value, params.get("locality"));
  const more = FIELDS.slice(3).some((name) => params.get(name));
  if (more) document.getElementById("qd-more").open = true;
  return params;
}

// The query string from the form, with the batch column names and no empty fields.
function queryFromForm() {
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    if (MULTI.has(name)) {
      const ticked = [...form.querySelectorAll(`input[name="${name}"]:checked`)];
      if (ticked.length) params.set(name, ticked.map((box) => box.value).join(","));
    } else if (name === "prisoner") {
      if (form.elements.prisoner.checked) params.set(name, "yes");
    } else if (form.elements[name] && form.elements[name].value.trim()) {
      params.set(name, form.elements[name].value.trim());
    }
  }
  const here = new URLSearchParams(location.search);
  if (here.get("today")) params.set("today", here.get("today"));
  return params.toString();
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
  return response.json();
}

async function start() {
  progress.hidden = false;
  progress.value = 5;
  say("Loading Python (about 14 MB, once)…");
  const manifest = await fetchJson(new URL("manifest.json", calc));
  const { loadPyodide } = await import(new URL("pyodide/pyodide.mjs", calc).href);
  const pyodide = await loadPyodide({
    indexURL: new URL("pyodide/", calc).href,
    fullStdLib: false,
    stdout: () => {},
    stderr: () => {},
  });
  progress.value = 60;
  say("Loading the library and its rules…");
  const wheels = manifest.wheels.map((name) => new URL(`wheels/${name}`, calc).href);
  await pyodide.loadPackage(wheels, { messageCallback: () => {}, checkIntegrity: false });
  progress.value = 90;
  const calculate = pyodide.runPython(
    "from qideadlines._web import calculate\ncalculate",
  );
  progress.value = 100;
  progress.hidden = true;
  return calculate;
}

function engineReady() {
  if (engine === null) engine = start();
  return engine;
}

function explain(item) {
  const sources = el("ul", { class: "qd-sources" });
  for (const source of item.sources) {
    const link = el("a", { href: source.url, rel: "noreferrer noopener" }, source.url);
    sources.append(el("li", {}, `${source.citation}: `, link));
  }
  return [el("pre", { class: "qd-why" }, item.explanation), el("p", {}, "Sources:"), sources];
}

function list(title, items) {
  if (!items.length) return null;
  return el(
    "section", {},
    el("h3", {}, title),
    el("ul", {}, ...items.map((text) => el("li", {}, text))),
  );
}

function render(answer, query) {
  result.replaceChildren();
  if (!answer.ok) {
    result.append(el("p", { class: "qd-error", role: "alert" }, answer.error));
    for (const name of answer.fields) {
      const field = form.elements[name];
      if (field && field.setAttribute) field.setAttribute("aria-invalid", "true");
    }
    return;
  }
  const code = answer.jurisdiction.code;
  result.append(
    el("h2", { id: "qd-heading" }, answer.heading),
    el("p", {}, `Days left are counted from ${answer.today}. `,
       "Open a deadline to see the law behind its date."),
  );
  const rows = el("div", { class: "qd-deadlines", role: "list" });
  for (const item of answer.deadlines) {
    const summary = el(
      "summary", {},
      el("span", { class: "qd-what" }, item.what),
      el("span", { class: "qd-due qd-date" },
         el("time", { datetime: item.due }, item.due_text)),
      el("span", { class: "qd-left" }, item.left),
      el("span", { class: "qd-marks", title: `confidence: ${item.confidence}` },
         item.marks || " "),
    );
    const row = el(
      "details",
      { class: `qd-deadline qd-${item.status}`, role: "listitem",
        "data-track": item.track, "data-due": item.due },
      summary, ...explain(item),
    );
    rows.append(row);
  }
  result.append(
    el("div", { class: "qd-head", "aria-hidden": "true" },
       el("span", {}, "Deadline"), el("span", {}, "Due"), el("span", {}, "Left"),
       el("span", {}, "")),
    rows,
  );
  for (const key of answer.marks) result.append(el("p", { class: "qd-key" }, key));
  for (const item of answer.information) {
    const info = el(
      "details", { class: "qd-info", "data-track": item.track, "data-due": item.due },
      el("summary", {}, `For information: ${item.what}: `,
         el("time", { datetime: item.due, class: "qd-date" }, item.due_text)),
      ...explain(item),
    );
    result.append(info);
  }
  const next = list("Next steps", answer.next_steps);
  if (next) result.append(next);
  const immunity = list("Qualified immunity", answer.immunity);
  if (immunity) result.append(immunity);
  const warnings = list("Warnings", answer.warnings);
  if (warnings) result.append(warnings);
  if (answer.ics) {
    lastIcs = answer.ics;
    const button = el("button", { type: "button", id: "qd-ics" },
                      "Download the deadlines for a calendar (.ics)");
    button.addEventListener("click", () => {
      const blob = new Blob([lastIcs], { type: "text/calendar" });
      const link = el("a", {
        href: URL.createObjectURL(blob),
        download: `deadlines-${code}-${new URLSearchParams(query).get("incident_date")}.ics`,
      });
      document.body.append(link);
      link.click();
      link.remove();
    });
    result.append(el("p", {}, button));
  }
  result.append(
    el("p", { class: "qd-disclaimer" }, el("em", {}, answer.disclaimer)),
    el("p", {}, "The rules in force, with their history: ",
       el("a", { href: `_generated/jurisdictions/${code}.html` },
          `${answer.jurisdiction.name}'s page`), "."),
  );
}

async function compute(query) {
  for (const field of form.querySelectorAll("[aria-invalid]")) {
    field.removeAttribute("aria-invalid");
  }
  const calculate = await engineReady();
  const started = performance.now();
  const answer = JSON.parse(calculate(query, localToday()));
  const took = performance.now() - started;
  render(answer, query);
  say(answer.ok ? `Computed in ${Math.round(took)} ms, in this browser.` : "Check the form.");
  result.dataset.ms = String(took);
  result.dataset.state = answer.ok ? "done" : "error";
  return answer;
}

function noWasm() {
  const code = form.elements.jurisdiction.value;
  const page = code ? `_generated/jurisdictions/${code}.html` : "_generated/jurisdictions/index.html";
  say("");
  result.replaceChildren(
    el("p", { class: "qd-error", role: "alert" },
       "This browser cannot run the calculator: it needs WebAssembly, which is turned off or ",
       "missing here. ",
       el("a", { href: page }, code ? "This jurisdiction's page" : "Each jurisdiction's page"),
       " lists its rules and a worked example; the qideadlines command line computes the ",
       "same dates."),
  );
  result.dataset.state = "no-wasm";
  document.getElementById("qd-go").disabled = true;
}

form.elements.jurisdiction.addEventListener("change", () => {
  fillLocalities(form.elements.jurisdiction.value, "");
});

form.elements.claim.addEventListener("change", () => {
  const field = data.claimDates[form.elements.claim.value];
  if (field) {
    document.getElementById("qd-more").open = true;
    form.elements[field].focus();
  }
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const query = queryFromForm();
  history.pushState(null, "", `${location.pathname}?${query}`);
  say("Computing…");
  try {
    await compute(query);
    document.getElementById("qd-heading")?.focus?.();
    result.focus();
  } catch (error) {
    say(`The calculator could not run: ${error.message}`);
  }
});

window.addEventListener("popstate", () => {
  formFromQuery(location.search);
  compute(location.search.slice(1)).catch((error) => say(error.message));
});

// For tests and the benchmark: the page's own answer for a query string.
window.qideadlines = {
  answer: async (query, today) => JSON.parse((await engineReady())(query, today)),
};

const params = formFromQuery(location.search);
if (typeof WebAssembly !== "object") {
  noWasm();
} else {
  say("Loading the calculator…");
  const ready = engineReady();
  if (params.get("jurisdiction") && params.get("incident_date")) {
    compute(location.search.slice(1)).catch((error) => {
      say(`The calculator could not run: ${error.message}`);
    });
  } else {
    ready.then(
      () => say("Ready: choose a place and a date."),
      (error) => say(`The calculator could not load: ${error.message}`),
    );
  }
}
