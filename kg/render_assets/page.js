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
  // What the page looks like before anyone touches it (small graphs; a big graph comes laid out from Python):
  // entities without a relation gathered in a block of their own, no node over a label, and a view that opens on
  // the best-connected entities at a size where their names read.
  const READABLE_PX = 12;        // on-screen height of a name that reads at first sight
  const TOP_READABLE = 10;       // how many of the best-connected entities must read at the opening zoom
  const PAD = 3;                 // canvas units kept free around labels and shapes
  let isolatedBox = null;

  function body(id) { return network.body.nodes[id]; }
  function shapeBox(id) {
    const n = body(id);
    const half = (n.shape.width || 2 * n.options.size || 20) / 2 + PAD;
    return { l: n.x - half, r: n.x + half, t: n.y - half, b: n.y + half };
  }
  function labelBox(item) {
    const z = item && item.labelModule && item.labelModule.size;
    if (!z || !z.width || !item.options.label) return null;
    return { l: z.left - PAD, r: z.left + z.width + PAD, t: z.top - PAD, b: z.top + z.height + PAD };
  }
  function overlap(a, b) {
    const dx = Math.min(a.r, b.r) - Math.max(a.l, b.l);
    const dy = Math.min(a.b, b.b) - Math.max(a.t, b.t);
    return dx > 0 && dy > 0 ? { dx: dx, dy: dy } : null;
  }
  function centre(box) { return { x: (box.l + box.r) / 2, y: (box.t + box.b) / 2 }; }
  function push(moves, id, from, to, o) {
    // the smaller way out, away from the label's centre
    const m = moves[id] || (moves[id] = { x: 0, y: 0 });
    if (o.dx < o.dy) m.x += (from.x < to.x ? -1 : 1) * (o.dx + 1);
    else m.y += (from.y < to.y ? -1 : 1) * (o.dy + 1);
  }

  function placeIsolated() {
    const alone = nodesById.filter(function (n) { return n.degree === 0; }).map(function (n) { return n.id; });
    if (!alone.length) return;
    alone.sort(function (a, b) {
      const na = nodesById[a], nb = nodesById[b];
      return na.type === nb.type ? na.label.localeCompare(nb.label, "fr") : na.type < nb.type ? -1 : 1;
    });
    const connected = nodesById.filter(function (n) { return n.degree > 0; }).map(function (n) { return n.id; });
    network.redraw();   // label sizes are measured when drawn
    const widest = Math.max.apply(null, alone.map(function (id) {
      const box = labelBox(body(id));
      return box ? box.r - box.l : 60;
    }));
    const cellW = Math.max(90, widest + 24), cellH = 74;
    let left = 0, top = 0, columns = Math.max(1, Math.ceil(Math.sqrt(alone.length * 1.6)));
    if (connected.length) {
      const ps = network.getPositions(connected);
      const xs = connected.map(function (id) { return ps[id].x; }), ys = connected.map(function (id) { return ps[id].y; });
      const minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs), maxY = Math.max.apply(null, ys);
      columns = Math.max(3, Math.min(alone.length, Math.floor((maxX - minX + 2 * cellW) / cellW)));
      left = (minX + maxX) / 2 - (columns - 1) * cellW / 2;
      top = maxY + 160;
    }
    alone.forEach(function (id, i) {
      network.moveNode(id, left + (i % columns) * cellW, top + Math.floor(i / columns) * cellH);
    });
    const rows = Math.ceil(alone.length / columns);
    isolatedBox = { l: left - cellW / 2, r: left + (columns - 0.5) * cellW, t: top - 48,
                    b: top + (rows - 1) * cellH + cellH / 2 + 10, count: alone.length };
  }

  // Every (node, label) pair that must come apart: a node's shape over any other name, or a node's name over the
  // name of a better-connected entity or of a relation it is not part of. The node is the one that moves.
  function collisions() {
    const ids = nodesById.map(function (n) { return n.id; });
    network.redraw();   // label boxes are measured when drawn
    const labels = [];  // [box, owner node id, or -1 and the edge for a relation's name]
    ids.forEach(function (id) { const b = labelBox(body(id)); if (b) labels.push([b, id, null]); });
    network.body.edgeIndices.forEach(function (edgeId) {
      const b = labelBox(network.body.edges[edgeId]);
      if (b) labels.push([b, -1, edgesById[edgeId]]);
    });
    const found = [];
    ids.forEach(function (id) {
      const own = shapeBox(id), mine = labelBox(body(id));
      labels.forEach(function (entry) {
        const other = entry[1], edge = entry[2];
        if (other === id) return;
        let o = overlap(own, entry[0]);
        if (o) { found.push({ id: id, from: own, box: entry[0], o: o, kind: "shape", edge: edge }); return; }
        if (!mine || (edge && (edge.from === id || edge.to === id))) return;  // that name moves with this node
        const gives = edge !== null || nodesById[other].degree > nodesById[id].degree ||
          (nodesById[other].degree === nodesById[id].degree && other < id);
        o = gives ? overlap(mine, entry[0]) : null;
        if (o) found.push({ id: id, from: mine, box: entry[0], o: o, kind: "label", other: other, edge: edge });
      });
      const o2 = isolatedBox && nodesById[id].degree > 0 ? overlap(own, isolatedBox) : null;
      if (o2) found.push({ id: id, from: own, box: isolatedBox, o: o2, kind: "block" });
    });
    return found;
  }

  function separate() {
    // Names over names are best effort (two moves can undo each other): after 60 rounds only what must hold is
    // enforced, no node over a name and the isolated block kept clear.
    for (let round = 0; round < 200; round++) {
      const found = collisions().filter(function (c) { return round < 60 || c.kind !== "label"; });
      if (!found.length) return round;
      const moves = {};
      found.forEach(function (c) {
        if (c.edge && (c.edge.from === c.id || c.edge.to === c.id)) {
          // the name of one of its own relations, too short to hold it: lengthen the relation
          const far = body(c.edge.from === c.id ? c.edge.to : c.edge.from), n = body(c.id);
          const dx = n.x - far.x, dy = n.y - far.y, length = Math.hypot(dx, dy) || 1;
          const step = 2 * (Math.min(c.o.dx, c.o.dy) + 2);
          const m = moves[c.id] || (moves[c.id] = { x: 0, y: 0 });
          m.x += dx / length * step;
          m.y += dy / length * step;
        } else {
          push(moves, c.id, centre(c.from), centre(c.box), c.o);
        }
      });
      Object.keys(moves).forEach(function (key) {
        const id = Number(key), n = body(id), m = moves[key];
        network.moveNode(id, n.x + m.x, n.y + m.y);
      });
    }
    return -1;
  }

  function openingView() {
    const connected = nodesById.filter(function (n) { return n.degree > 0; }).map(function (n) { return n.id; });
    if (!connected.length) { network.fit({ animation: false }); return; }
    network.fit({ nodes: connected, animation: false });
    const top = connected.slice().sort(function (a, b) { return nodesById[b].degree - nodesById[a].degree || a - b; })
      .slice(0, TOP_READABLE);
    const smallest = Math.min.apply(null, top.map(function (id) { return body(id).labelModule.fontOptions.size || 14; }));
    const needed = READABLE_PX / smallest;
    if (network.getScale() >= needed) return;
    const ps = network.getPositions(top);
    const xs = top.map(function (id) { return ps[id].x; }), ys = top.map(function (id) { return ps[id].y; });
    network.moveTo({ position: { x: (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2,
                                 y: (Math.min.apply(null, ys) + Math.max.apply(null, ys)) / 2 },
                     scale: Math.min(needed, 2), animation: false });
  }

  function arrange() {
    if (!nodesById.length) return;
    placeIsolated();
    page.separationRounds = separate();
    openingView();
  }

  network.on("beforeDrawing", function (ctx) {
    if (!isolatedBox || big) return;
    const b = isolatedBox;
    ctx.save();
    ctx.fillStyle = "#f6f8fa";
    ctx.strokeStyle = "#d0d7de";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.rect(b.l, b.t, b.r - b.l, b.b - b.t);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = "#57606a";
    ctx.font = "600 15px system-ui, sans-serif";
    ctx.textBaseline = "top";
    ctx.fillText("Sans relation dans ce graphe (" + b.count + ")", b.l + 10, b.t + 8);
    ctx.restore();
  });

  // A page with nothing to draw says so instead of showing an empty canvas.
  const emptyNote = document.getElementById("empty-note");
  const documentCount = DATA.documents.length;
  const read = documentCount ? " dans " + documentCount + " document" + (documentCount > 1 ? "s" : "") : "";
  if (!nodesById.length) {
    emptyNote.textContent = "Ce graphe ne contient aucune entité : kg n’a trouvé aucun nom" + read + ".";
    emptyNote.hidden = false;
  } else if (!edgesById.length) {
    emptyNote.textContent = "Aucune relation n’a été trouvée entre les " + nodesById.length + " entités de ce graphe"
      + read + " : elles sont rangées ci-dessous, sans lien.";
    emptyNote.hidden = false;
  }

  // --------------------------------------------------------------------------------------------- focusing --
  // Clicking an entity (or finding it) shows its neighbourhood: it and the entities it is related to stay in
  // colour and fill the view, everything else fades.
  // Fading is a change of the global styles (groups and edge defaults), and the neighbourhood gets its colours back
  // item by item: on a 20,000-edge graph that touches a hub's relations, not every relation.
  const FADED = { background: "#e4e7ea", border: "#d5d9dd" };
  const fadedGroups = {};
  Object.keys(groups).forEach(function (t) {
    fadedGroups[t] = { shape: groups[t].shape, color: { background: FADED.background, border: FADED.border,
      highlight: groups[t].color.highlight, hover: groups[t].color.hover } };
  });
  const EDGE_STYLE = { color: options.edges.color, font: { color: options.edges.font.color } };
  const FADED_EDGES = { color: { color: "#eceef0", highlight: "#1d2327", hover: "#1d2327", inherit: false },
                        font: { color: "#c9ced3" } };
  let focused = null;
  let kept = { nodes: [], edges: [] };
  function clearFocus() {
    if (focused === null) return;
    focused = null;
    network.setOptions({ groups: groups, nodes: { font: { color: options.nodes.font.color } } });
    if (!big) network.setOptions({ edges: EDGE_STYLE });
    nodes.update(kept.nodes.map(function (id) { return { id: id, color: null, font: null }; }));
    if (!big) edges.update(kept.edges.map(function (id) { return { id: id, color: null, font: null }; }));
    kept = { nodes: [], edges: [] };
  }
  function focusNeighbourhood(id) {
    clearFocus();
    focused = id;
    const keep = new Set([id]);
    incident[id].forEach(function (edgeId) { keep.add(edgesById[edgeId].from); keep.add(edgesById[edgeId].to); });
    kept = { nodes: Array.from(keep), edges: incident[id].slice() };
    network.setOptions({ groups: fadedGroups, nodes: { font: { color: "#b9bfc5" } } });
    if (!big) network.setOptions({ edges: FADED_EDGES });  // restyling 20,000 edges costs seconds: big graphs keep them
    nodes.update(kept.nodes.map(function (nid) {
      return { id: nid, color: groups[nodesById[nid].type].color, font: { color: options.nodes.font.color } };
    }));
    if (!big) edges.update(kept.edges.map(function (eid) { return { id: eid, color: EDGE_STYLE.color, font: EDGE_STYLE.font }; }));
    const shown = kept.nodes.filter(function (nid) { return typeOn[nodesById[nid].type]; });
    network.fit({ nodes: shown, maxZoomLevel: big ? 1 : 1.6,
                  animation: big ? false : { duration: 400, easingFunction: "easeInOutQuad" } });
  }

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
    findEntity: findEntity, focusNode: focusNode, focused: function () { return focused; },
    clearFocus: clearFocus, isolatedBox: function () { return isolatedBox; }, collisions: collisions,
  });
})();
