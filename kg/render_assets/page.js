/* kg graph page.
 *
 * The data comes from the JSON block #kg-data. Every string in it may come from a document, so it reaches the DOM
 * only through textContent / text nodes / property assignment, never through innerHTML or attribute markup.
 * window.kgPage exposes the network and a few functions for tests and benchmarks.
 */
(function () {
  "use strict";

  const page = window.kgPage = { ready: false, timings: {} };
  function mark(name) { page.timings[name] = Math.round(performance.now()); }
  mark("scriptStart");
  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  mark("dataParsed");
  const TYPES = DATA.types;
  const nodesById = DATA.nodes;            // node id == index
  const edgesById = DATA.edges;            // edge id == index
  const big = DATA.precomputedLayout;
  const typeOn = {};
  const predicateOn = {};
  Object.keys(TYPES).forEach(function (t) { typeOn[t] = true; });
  DATA.predicates.forEach(function (p) { predicateOn[p] = true; });

  // incident edges and fact nodes per entity, computed once
  const incident = nodesById.map(function () { return []; });
  edgesById.forEach(function (e) {
    incident[e.from].push(e.id);
    if (e.to !== e.from) incident[e.to].push(e.id);
  });
  const factsOf = nodesById.map(function () { return []; });
  DATA.facts.forEach(function (f, index) {
    const parties = new Set([].concat(f.from || [], f.to || [], f.about || []));
    parties.forEach(function (n) { factsOf[n].push(index); });
  });

  // ------------------------------------------------------------------------------------------------ DOM helpers --
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function typeLabel(t) { return TYPES[t] ? TYPES[t].label : t; }
  // The page speaks French: kg's terms by their rdfs:label@fr from the ontology, the local name on hover.
  const TERMS = (DATA.labels && DATA.labels.terms) || {};
  const STATUSES = (DATA.labels && DATA.labels.statuses) || {};
  function termLabel(local) { return TERMS[local] || local; }
  function statusLabel(value) { return STATUSES[value] || value; }
  function named(tag, className, text, local) {
    const node = el(tag, className, text);
    node.title = local;
    return node;
  }
  function term(local) { return named("span", "term", termLabel(local), "kg:" + local); }
  function formatNumber(x) { return Number(x).toLocaleString("fr-FR"); }

  // ------------------------------------------------------------------------------------------------ the network --
  // Styles live in per-type groups and in the global options: vis-network merges per-item options one item at a
  // time, which is what makes building a 20,000-edge network slow, so items carry only what differs.
  const groups = {};
  Object.keys(TYPES).forEach(function (t) {
    const style = TYPES[t];
    groups[t] = { shape: style.shape, color: { background: style.color, border: style.color,
      highlight: { background: style.color, border: "#111" }, hover: { background: style.color, border: "#111" } } };
  });
  const anyConnected = edgesById.length > 0;
  const nodes = new vis.DataSet(nodesById.map(function (n) {
    const item = { id: n.id, label: n.label, group: n.type, type: n.type, value: n.degree + 1 };
    if (big) { item.x = n.x; item.y = n.y; }
    else if (n.degree === 0) item.physics = false;   // placed apart once the others have settled (arrange)
    return item;
  }));
  const edges = new vis.DataSet(edgesById.map(function (e) {
    // On a big graph 20,000 edge labels cost seconds of text measuring and are unreadable at that zoom anyway:
    // there, an edge is labelled when one of its entities is selected (see labelSelection).
    const item = { id: e.id, from: e.from, to: e.to, p: e.p };
    if (!big) item.label = termLabel(e.p);
    if (e.ev.length > 1) item.width = 1 + Math.log2(e.ev.length);
    if (e.curve) item.smooth = { enabled: true, type: e.curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(e.curve) };
    if (e.sym) { item.arrows = { to: { enabled: false } }; item.dashes = [6, 4]; }
    return item;
  }));
  const nodeView = new vis.DataView(nodes, { filter: function (n) { return typeOn[n.type]; } });
  const edgeView = new vis.DataView(edges, { filter: function (e) {
    return predicateOn[e.p] && typeOn[nodesById[e.from].type] && typeOn[nodesById[e.to].type];
  } });

  const options = {
    autoResize: true,
    groups: groups,
    nodes: {
      // on a big graph, names appear only once zoomed in enough to read them (and to keep frames cheap)
      scaling: { min: 8, max: 40, label: { enabled: true, min: 14, max: 28, drawThreshold: big ? 9 : 6 } },
      // on a big graph every stroke counts: no node border, no halo around names
      font: { size: 14, color: "#1d2327", strokeWidth: big ? 0 : 3, strokeColor: "#ffffff" },
      borderWidth: big ? 0 : 1,
    },
    edges: {
      smooth: false,
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      color: { color: "#9aa4ad", highlight: "#1d2327", hover: "#1d2327", inherit: false },
      font: { size: 11, align: "middle", color: "#57606a", strokeWidth: 3, strokeColor: "#ffffff" },
      selectionWidth: 1.5,
    },
    interaction: { hover: true, tooltipDelay: 3600000, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false },
    layout: { improvedLayout: !big && nodesById.length <= 150, randomSeed: 7 },
    physics: big || !anyConnected ? { enabled: false } : {
      enabled: true, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -6000, springLength: 140, avoidOverlap: 0.2 },
      stabilization: { enabled: true, iterations: 400, updateInterval: 50, fit: true },
    },
  };
  mark("datasetsBuilt");
  const container = document.getElementById("graph");
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);

  mark("networkCreated");
  const freeze = document.getElementById("freeze");
  let stabilised = big;
  function setFrozen(frozen) {
    freeze.checked = frozen;
    network.setOptions({ physics: { enabled: !frozen && anyConnected } });
  }
  freeze.checked = big;
  freeze.addEventListener("change", function () { setFrozen(freeze.checked); });
  function settle() {
    setFrozen(true);
    if (!big) arrange();
    stabilised = true;
    network.redraw();
  }
  if (!big && anyConnected) network.once("stabilizationIterationsDone", function () { setTimeout(settle, 0); });
  else setTimeout(settle, 0);
  network.on("afterDrawing", function markReady() {
    if (!stabilised) return;
    network.off("afterDrawing", markReady);
    page.readyAt = performance.now();   // ms since navigation start, read by benchmarks/bench_render.py
    page.ready = true;
    document.body.dataset.ready = "1";
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: !big }); });

  // ------------------------------------------------------------------------------------------ first sight --
  // arrange (isolated entities apart, no node over a name, the opening view) and focus: first-sight.js
  const sight = window.kgFirstSight({
    network: network, nodes: nodes, edges: edges, data: DATA, page: page, incident: incident, big: big,
    typeOn: typeOn, groups: groups, options: options,
  });
  const arrange = sight.arrange, focusNeighbourhood = sight.focusNeighbourhood, clearFocus = sight.clearFocus;

  // ------------------------------------------------------------------------------------------- details / tooltip --
  function entityButton(id) {
    const button = el("button", "link", nodesById[id].label);
    button.type = "button";
    button.addEventListener("click", function () { focusNode(id); });
    return button;
  }
  function evidenceBlock(ev) {
    const block = el("div", "evidence");
    const quote = el("blockquote");
    const chars = Array.from(ev.text);     // offsets are code points
    if (ev.span) {
      quote.appendChild(document.createTextNode(chars.slice(0, ev.span[0]).join("")));
      quote.appendChild(el("mark", null, chars.slice(ev.span[0], ev.span[1]).join("")));
      quote.appendChild(document.createTextNode(chars.slice(ev.span[1]).join("")));
    } else {
      quote.textContent = ev.text;
    }
    block.appendChild(quote);
    const doc = DATA.documents[ev.doc];
    const parts = [];
    if (doc) parts.push(doc.title ? doc.title + " (" + doc.file + ")" : doc.file);
    if (ev.conf !== undefined) parts.push("confiance " + ev.conf);
    if (ev.role) parts.push("rôle : " + ev.role);
    if (ev.status) parts.push("statut : " + statusLabel(ev.status));
    if (ev.date) parts.push("date : " + ev.date);
    if (ev.rule) parts.push("règle " + ev.rule);
    block.appendChild(el("div", "source", "— " + parts.join(" · ")));
    return block;
  }
  function relationBlock(edgeId, linkEntities) {
    const e = edgesById[edgeId];
    const box = el("div", "fact");
    const head = el("div", "head");
    const from = linkEntities ? entityButton(e.from) : document.createTextNode(nodesById[e.from].label);
    const to = linkEntities ? entityButton(e.to) : document.createTextNode(nodesById[e.to].label);
    head.appendChild(from);
    head.appendChild(document.createTextNode(e.sym ? " ↔ " : " → "));
    head.appendChild(term(e.p));
    head.appendChild(document.createTextNode(e.sym ? " ↔ " : " → "));
    head.appendChild(to);
    box.appendChild(head);
    if (e.conf !== undefined) box.appendChild(el("div", "source", "confiance max. " + e.conf + " · " + e.ev.length + " source(s)"));
    e.ev.forEach(function (ev) { box.appendChild(evidenceBlock(ev)); });
    return box;
  }
  function factBlock(index, linkEntities) {
    const f = DATA.facts[index];
    const box = el("div", "fact");
    box.appendChild(named("div", "head", termLabel(f.kind), "kg:" + f.kind));
    const dl = el("dl");
    function row(name, value) { dl.appendChild(el("dt", null, name)); dl.appendChild(value); }
    function partyList(ids) {
      const dd = el("dd");
      ids.forEach(function (id, i) {
        if (i) dd.appendChild(document.createTextNode(", "));
        dd.appendChild(linkEntities ? entityButton(id) : document.createTextNode(nodesById[id].label));
      });
      return dd;
    }
    if (f.from) row("de", partyList(f.from));
    if (f.to) row("vers", partyList(f.to));
    if (f.about) row("sujet", partyList(f.about));
    if (f.metric) row("mesure", el("dd", null, f.metric));
    if (f.count !== undefined) row("nombre", el("dd", null, formatNumber(f.count)));
    if (f.amount !== undefined) {
      let amount = formatNumber(f.amount);
      if (f.maxAmount !== undefined) amount += " à " + formatNumber(f.maxAmount);
      if (f.currency) amount += " " + f.currency;
      row("montant", el("dd", null, amount));
    }
    if (f.status) row("statut", named("dd", null, statusLabel(f.status), f.status));
    if (f.date) row("date", el("dd", null, f.date));
    if (f.duration) row("durée", el("dd", null, f.duration));
    box.appendChild(dl);
    f.evidence.forEach(function (ev) { box.appendChild(evidenceBlock(ev)); });
    return box;
  }
  const PAGE_SIZE = 100;
  // A hub can have thousands of relations: show them a hundred at a time so that a click stays instant.
  function appendPaged(list, items, make) {
    const shown = list.childElementCount;
    items.slice(shown, shown + PAGE_SIZE).forEach(function (item) { list.appendChild(make(item)); });
    const rest = items.length - list.childElementCount;
    if (rest > 0) {
      const more = el("button", "link more", "Afficher " + Math.min(rest, PAGE_SIZE) + " de plus (" + rest + " restantes)");
      more.type = "button";
      more.addEventListener("click", function () { more.remove(); appendPaged(list, items, make); });
      list.after(more);
    }
  }
  function nodeContent(id, full) {
    const n = nodesById[id];
    const frag = document.createDocumentFragment();
    frag.appendChild(el("h3", null, n.label));
    const dl = el("dl");
    function row(name, value) { dl.appendChild(el("dt", null, name)); dl.appendChild(el("dd", null, value)); }
    dl.appendChild(el("dt", null, "type"));
    dl.appendChild(named("dd", null, typeLabel(n.type), "kg:" + n.type));
    row("libellés", n.labels.join(" · "));
    if (n.aliases.length) row("alias", n.aliases.join(" · "));
    if (n.mentions !== undefined) row("mentions", n.mentions);
    row("relations", n.degree);
    if (full) row("IRI", n.iri);
    frag.appendChild(dl);
    const relations = incident[id];
    if (full) {
      factsOf[id].forEach(function (i) { frag.appendChild(factBlock(i, true)); });
      const list = el("div");
      frag.appendChild(list);
      appendPaged(list, relations, function (edgeId) { return relationBlock(edgeId, true); });
    } else {
      relations.slice(0, 3).forEach(function (edgeId) { frag.appendChild(relationBlock(edgeId, false)); });
      factsOf[id].slice(0, 1).forEach(function (i) { frag.appendChild(factBlock(i, false)); });
      const hidden = Math.max(0, relations.length - 3) + Math.max(0, factsOf[id].length - 1);
      if (hidden > 0) frag.appendChild(el("p", "more", "… et " + hidden + " autre(s) : cliquez pour tout voir."));
    }
    return frag;
  }
  function edgeContent(edgeId, full) {
    const frag = document.createDocumentFragment();
    const p = edgesById[edgeId].p;
    frag.appendChild(named("h3", null, termLabel(p), "kg:" + p));
    frag.appendChild(el("div", "source", "kg:" + p));
    frag.appendChild(relationBlock(edgeId, full));
    return frag;
  }

  const details = document.getElementById("details");
  function showDetails(content) { clear(details); details.appendChild(content); details.scrollTop = 0; }
  const tooltip = document.getElementById("tooltip");
  function showTooltip(content, pointer) {
    clear(tooltip);
    tooltip.appendChild(content);
    tooltip.hidden = false;
    const rect = container.getBoundingClientRect();
    let x = rect.left + pointer.x + 16;
    let y = rect.top + pointer.y + 16;
    const w = tooltip.offsetWidth;
    const h = tooltip.offsetHeight;
    if (x + w > window.innerWidth) x = Math.max(0, x - w - 32);
    if (y + h > window.innerHeight) y = Math.max(0, window.innerHeight - h - 4);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTooltip() { tooltip.hidden = true; clear(tooltip); }

  const MAX_SELECTION_LABELS = 150;
  let labelled = [];
  function labelSelection(ids) {
    if (!big) return;
    const updates = labelled.map(function (edgeId) { return { id: edgeId, label: "" }; });
    labelled = [];
    // a hub's thousand labels would cost seconds per frame: label its first relations only
    ids.forEach(function (id) { labelled = labelled.concat(incident[id].slice(0, MAX_SELECTION_LABELS)); });
    labelled.forEach(function (edgeId) { updates.push({ id: edgeId, label: termLabel(edgesById[edgeId].p) }); });
    if (updates.length) edges.update(updates);
  }
  network.on("selectNode", function (p) { labelSelection(p.nodes); });
  network.on("deselectNode", function (p) { labelSelection(p.nodes); });
  network.on("hoverNode", function (p) { showTooltip(nodeContent(p.node, false), p.pointer.DOM); });
  network.on("blurNode", hideTooltip);
  network.on("hoverEdge", function (p) { showTooltip(edgeContent(p.edge, false), p.pointer.DOM); });
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  network.on("click", function (p) {
    hideTooltip();
    if (p.nodes.length) focusNode(p.nodes[0]);
    else if (p.edges.length) { clearFocus(); showDetails(edgeContent(p.edges[0], true)); }
    else clearFocus();
  });

  // -------------------------------------------------------------------------------------------------- search --
  const searchIndex = [];   // [folded name, node id, is an alias]
  const names = new Set();
  nodesById.forEach(function (n) {
    n.labels.forEach(function (name) { searchIndex.push([fold(name), n.id, false]); names.add(name); });
    n.aliases.forEach(function (name) { searchIndex.push([fold(name), n.id, true]); names.add(name); });
  });
  const datalist = document.getElementById("entity-names");
  Array.from(names).sort(function (a, b) { return a.localeCompare(b, "fr"); }).forEach(function (name) {
    const option = document.createElement("option");
    option.value = name;
    datalist.appendChild(option);
  });
  function better(a, b) {   // prefer the better-connected entity, then the shorter label
    if (b === null) return true;
    const na = nodesById[a], nb = nodesById[b];
    if (na.degree !== nb.degree) return na.degree > nb.degree;
    return na.label.length < nb.label.length || (na.label.length === nb.label.length && a < b);
  }
  function findEntity(query) {
    const q = fold(query);
    if (!q) return null;
    // a label equal to the query, then an alias equal to it, then a name starting with it, then containing it
    const best = [null, null, null, null];
    searchIndex.forEach(function (entry) {
      const name = entry[0], id = entry[1];
      const rank = name === q ? (entry[2] ? 1 : 0) : name.startsWith(q) ? 2 : name.indexOf(q) >= 0 ? 3 : -1;
      if (rank >= 0 && better(id, best[rank])) best[rank] = id;
    });
    for (let rank = 0; rank < best.length; rank++) if (best[rank] !== null) return best[rank];
    return null;
  }
  function focusNode(id) {
    const n = nodesById[id];
    if (!typeOn[n.type]) { typeOn[n.type] = true; syncFilters(); }
    network.selectNodes([id]);
    labelSelection([id]);
    focusNeighbourhood(id);
    showDetails(nodeContent(id, true));
  }
  const status = document.getElementById("search-status");
  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    const id = findEntity(document.getElementById("search").value);
    if (id === null) { status.textContent = "Aucune entité trouvée"; network.unselectAll(); labelSelection([]); clearFocus(); return; }
    status.textContent = "";
    focusNode(id);
  });

  // ------------------------------------------------------------------------------------------ legend + filters --
  const typeCounts = {}, predicateCounts = {};
  nodesById.forEach(function (n) { typeCounts[n.type] = (typeCounts[n.type] || 0) + 1; });
  edgesById.forEach(function (e) { predicateCounts[e.p] = (predicateCounts[e.p] || 0) + 1; });
  const checkboxes = [];
  function filterItem(list, state, key, labelText, count, glyph, color) {
    const li = el("li");
    const label = el("label");
    label.title = "kg:" + key;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = key;
    box.addEventListener("change", function () { state[key] = box.checked; refresh(); });
    label.appendChild(box);
    if (glyph) { const g = el("span", "glyph", glyph); g.style.color = color; label.appendChild(g); }
    label.appendChild(document.createTextNode(" " + labelText + " "));
    label.appendChild(el("span", "count", "(" + (count || 0) + ")"));
    li.appendChild(label);
    list.appendChild(li);
    checkboxes.push([box, state, key]);
  }
  const typeList = document.getElementById("type-filters");
  Object.keys(TYPES).forEach(function (t) {
    filterItem(typeList, typeOn, t, TYPES[t].label, typeCounts[t], TYPES[t].glyph, TYPES[t].color);
  });
  const predicateList = document.getElementById("predicate-filters");
  DATA.predicates.forEach(function (p) { filterItem(predicateList, predicateOn, p, termLabel(p), predicateCounts[p]); });
  function syncFilters() {
    checkboxes.forEach(function (c) { c[0].checked = c[1][c[2]]; });
    refresh();
  }
  const counts = document.getElementById("counts");
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    counts.textContent = nodeView.length + " entités · " + edgeView.length + " relations";
  }
  refresh();
  mark("controlsBuilt");

  Object.assign(page, {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, data: DATA,
    findEntity: findEntity, focusNode: focusNode, focused: sight.focused, clearFocus: clearFocus,
    isolatedBox: sight.isolatedBox, collisions: sight.collisions,
  });
})();
