/* kg graph page, first sight: how the page arranges itself before anyone touches it, and how it focuses.
 *
 * Loaded before page.js (both are inlined as one script); page.js calls kgFirstSight with its network and data.
 * Small graphs only are arranged (a big graph comes laid out from Python): entities without a relation are gathered
 * apart, no node stays over a name, the view opens where the best-connected names read. Focusing fades everything
 * but an entity's neighbourhood. Text reaches the DOM only through textContent, as in page.js.
 */
window.kgFirstSight = function (ctx) {
  "use strict";

  const network = ctx.network, nodes = ctx.nodes, edges = ctx.edges, DATA = ctx.data, page = ctx.page;
  const nodesById = DATA.nodes, edgesById = DATA.edges, incident = ctx.incident, big = ctx.big;
  const typeOn = ctx.typeOn, groups = ctx.groups, options = ctx.options;

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

  return {
    arrange: arrange, focusNeighbourhood: focusNeighbourhood, clearFocus: clearFocus, collisions: collisions,
    focused: function () { return focused; }, isolatedBox: function () { return isolatedBox; },
  };
};
