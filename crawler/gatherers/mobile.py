"""`mobile_layout`: what a phone user meets on a page, measured in the mobile rendering.

One artifact for the `mobile-layout` probe: the viewport meta as written, the layout
at 375 and 320 CSS px (document scrollWidth against clientWidth: under mobile
emulation `innerWidth` grows with the content, so it cannot tell overflow), interactive
targets with their rectangles, visible text sizes weighted by characters, the page
scale, navigation toggles, and orientation signals. The gatherer only measures; the
thresholds (24/48 px, 12 px text, 60 %) live in the probe so they can be tested on
saved artifacts.

It resizes the page (320 px, then landscape), so it runs after the screenshot
(`order` 86 > 70) and restores the original size afterwards.

Orientation locks are found three ways, documented here because none alone suffices:
calls to `screen.orientation.lock()` (recorded by an init script; they only succeed in
fullscreen, but an attempt shows intent), a landscape rendering that rotates the page or
covers it with a "turn your device" overlay that portrait does not have, and on the home
page the web app manifest's `orientation` (applies to the installed app only).
"""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar

from crawler.gatherers.base import Gatherer, PageContext

# Records orientation lock attempts before any page script runs.
LOCK_RECORDER_JS = r"""
(() => {
  try {
    const rec = (how) => { (window.__maturityOrientationLocks = window.__maturityOrientationLocks || []).push(String(how)); };
    const P = window.ScreenOrientation && window.ScreenOrientation.prototype;
    if (P && P.lock) {
      const orig = P.lock;
      P.lock = function (o) { rec(o); return orig.call(this, o); };
    }
    for (const k of ['lockOrientation', 'mozLockOrientation', 'msLockOrientation']) {
      if (typeof screen[k] === 'function') {
        const o = screen[k].bind(screen);
        screen[k] = function (x) { rec(x); return o(x); };
      }
    }
  } catch (e) {}
})();
"""

# Shared helpers, prepended to each measuring script.
HELPERS_JS = r"""
  const de = document.documentElement, body = document.body;
  const sx = window.scrollX, sy = window.scrollY;
  const nthCache = new Map();
  const cssPath = (el) => {
    const parts = [];
    for (let n = el, depth = 0; n && n.nodeType === 1 && depth < 4; n = n.parentElement, depth++) {
      let part = n.tagName.toLowerCase();
      if (n.id && /^[A-Za-z][\w-]*$/.test(n.id)) { parts.unshift(part + '#' + n.id); break; }
      const cls = (typeof n.className === 'string' ? n.className : '').trim().split(/\s+/).filter(c => /^[A-Za-z_][\w-]*$/.test(c))[0];
      if (cls) part += '.' + cls;
      const p = n.parentElement;
      if (p) {
        if (!nthCache.has(p)) {  // one pass per parent: long lists stay linear
          const counts = {}, nth = new Map();
          for (const c of p.children) { counts[c.tagName] = (counts[c.tagName] || 0) + 1; nth.set(c, counts[c.tagName]); }
          nthCache.set(p, {counts, nth});
        }
        const {counts, nth} = nthCache.get(p);
        if (counts[n.tagName] > 1) part += ':nth-of-type(' + nth.get(n) + ')';
      }
      parts.unshift(part);
      if (n === body) break;
    }
    return parts.join(' > ');
  };
  const shown = (el, cs) => cs.visibility === 'visible' && cs.display !== 'none' && parseFloat(cs.opacity || '1') > 0.05;
  const layout = () => {
    const cw = de.clientWidth, sw = de.scrollWidth;
    const hx = getComputedStyle(de).overflowX, bx = body ? getComputedStyle(body).overflowX : 'visible';
    const out = {client_width: cw, scroll_width: sw, inner_width: window.innerWidth, screen_width: screen.width,
                 scale: window.visualViewport ? window.visualViewport.scale : null,
                 overflow_x: hx === 'visible' ? bx : hx, offenders: [], offender_count: 0};
    if (!body || sw <= cw + 1) return out;
    const contained = (el) => {
      for (let n = el.parentElement; n && n !== body && n !== de; n = n.parentElement) {
        if (getComputedStyle(n).overflowX !== 'visible') return true;
      }
      return false;
    };
    const beyond = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.right + sx > cw + 1 ? r : null; };
    const found = [];
    const all = [body, ...body.querySelectorAll('*')];
    for (let i = 0; i < all.length && i < 30000; i++) {
      const el = all[i];
      const r = beyond(el);
      if (!r) continue;
      if (el !== body && beyond(el.parentElement)) continue;  // report the outermost
      if (el !== body && contained(el)) continue;
      const cs = getComputedStyle(el);
      if (cs.position === 'fixed') continue;  // fixed boxes do not extend the scrollable area
      found.push({selector: cssPath(el), tag: el.tagName.toLowerCase(), right: Math.round(r.right + sx),
                  width: Math.round(r.width), left: Math.round(r.left + sx)});
    }
    found.sort((a, b) => b.right - a.right || b.width - a.width);
    out.offender_count = found.length;
    out.offenders = found.slice(0, 8);
    return out;
  };
  const coverAtCentre = () => {
    // The outermost positioned box under the centre of the screen covering most of it.
    const vw = window.innerWidth, vh = window.innerHeight;
    let el = document.elementFromPoint(de.clientWidth / 2, Math.min(vh, window.visualViewport ? window.visualViewport.height : vh) / 2);
    let best = null;
    for (; el && el !== body && el !== de; el = el.parentElement) {
      const cs = getComputedStyle(el);
      if (cs.position !== 'fixed' && cs.position !== 'absolute') continue;
      const r = el.getBoundingClientRect();
      if (r.width >= de.clientWidth * 0.9 && r.height >= Math.min(vh, screen.height) * 0.9) best = el;
    }
    return best ? {selector: cssPath(best), text: (best.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 200)} : null;
  };
  const textStats = (maxNodes, samples) => {
    const hist = {}; let total = 0, nodes = 0;
    const seen = new Map(); const small = [];
    if (!body) return {hist, total, nodes, smallest: []};
    const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'svg']);
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let n;
    while ((n = walker.nextNode()) && nodes < maxNodes) {
      const chars = n.nodeValue.replace(/\s+/g, '').length;
      const el = n.parentElement;
      if (!chars || !el || skip.has(el.tagName)) continue;
      let info = seen.get(el);
      if (!info) {
        const cs = getComputedStyle(el); const r = el.getBoundingClientRect();
        const vis = shown(el, cs) && r.width > 1 && r.height > 1 && r.right + sx > 0 && r.bottom + sy > 0;
        info = {vis, size: parseFloat(cs.fontSize) || 0, chars: 0, el};
        seen.set(el, info);
      }
      if (!info.vis) continue;
      nodes++;
      info.chars += chars;
      const key = String(Math.round(info.size * 2) / 2);
      hist[key] = (hist[key] || 0) + chars;
      total += chars;
    }
    let smallest = [];
    if (samples) {
      smallest = Array.from(seen.values()).filter(i => i.vis && i.chars > 0)
        .sort((a, b) => a.size - b.size || b.chars - a.chars).slice(0, samples)
        .map(i => ({selector: cssPath(i.el), size: i.size, chars: i.chars,
                    text: (i.el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60)}));
    }
    return {hist, total, nodes, truncated: nodes >= maxNodes, smallest};
  };
"""

# Everything measured in the page's own (portrait, 375 px) rendering.
MEASURE_JS = "(opts) => {" + HELPERS_JS + r"""
  const metas = Array.from(document.querySelectorAll('meta[name="viewport" i]')).map(m => m.getAttribute('content') || '');
  const out = {viewport_metas: metas, has_body: !!body, screen: {width: screen.width, height: screen.height},
               inner_height: window.innerHeight, layout: layout(), text: textStats(opts.maxNodes, 12),
               cover: coverAtCentre(), orientation_locks: (window.__maturityOrientationLocks || []).slice(0, 10),
               targets: [], targets_truncated: false, nav: {toggles: [], navs: []}};
  if (!body) return out;
  const manifest = document.querySelector('link[rel~="manifest" i]');
  out.manifest_href = manifest ? manifest.href : null;

  // Interactive targets (WCAG 2.5.8), in document coordinates.
  const SEL = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, label, ' +
              '[role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="tab"], [role="switch"], ' +
              '[role="menuitem"], [role="option"], [onclick]';
  const keys = new Map(); let nextKey = 0;
  const keyOf = (el) => { if (!keys.has(el)) keys.set(el, 'el' + (nextKey++)); return keys.get(el); };
  const blockText = new Map();
  const inRunningText = (el, cs) => {
    if (cs.display !== 'inline') return false;
    let b = el.parentElement;
    while (b && b !== body && getComputedStyle(b).display.startsWith('inline')) b = b.parentElement;
    if (!b) return false;
    if (!blockText.has(b)) {
      const all = (b.textContent || '');
      let own = 0;
      if (all.length > 5000) own = 1000;  // a long text flow: running text
      else {
        const letters = (s) => (s.match(/\p{L}/gu) || []).length;
        let inTargets = 0;
        for (const t of b.querySelectorAll('a[href], button, label, [role="button"], [role="link"]')) inTargets += letters(t.textContent || '');
        own = letters(all) - inTargets;
      }
      blockText.set(b, own);
    }
    return blockText.get(b) >= opts.runningTextLetters;
  };
  const uaSizes = new Map();
  const uaDefault = (el, r) => {
    // A control whose size the browser decides (WCAG 2.5.8 "user agent control" exception).
    const tag = el.tagName.toLowerCase();
    if (!['input', 'select', 'button', 'textarea'].includes(tag)) return false;
    const type = tag === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : '';
    const k = tag + ':' + type;
    if (!uaSizes.has(k)) {
      const ref = document.createElement(tag);
      if (type) ref.setAttribute('type', type);
      if (tag === 'button') ref.textContent = el.textContent;
      ref.style.cssText = 'all: revert; position: absolute; visibility: hidden; left: 0; top: 0;';
      try {
        (el.parentElement || body).appendChild(ref);
        const rr = ref.getBoundingClientRect();
        uaSizes.set(k, [rr.width, rr.height]);
      } catch (e) { uaSizes.set(k, [-99, -99]); }
      ref.remove();
    }
    const [w, h] = uaSizes.get(k);
    return Math.abs(w - r.width) <= 1 && Math.abs(h - r.height) <= 1 && (tag !== 'button' || !el.getAttribute('class'));
  };
  const visibleRect = (el, cs, r) => {
    // The part of the box its clipping ancestors let through; null when clipped away or
    // transparent (stacked carousel slides). `fixed` marks boxes that do not scroll with the page.
    let x1 = r.left, y1 = r.top, x2 = r.right, y2 = r.bottom;
    let opacity = parseFloat(cs.opacity || '1');
    let fixed = cs.position === 'fixed' || cs.position === 'sticky';
    for (let n = el.parentElement; n && n !== de; n = n.parentElement) {
      const ns = getComputedStyle(n);
      opacity *= parseFloat(ns.opacity || '1');
      if (opacity < 0.05) return null;
      if (ns.position === 'fixed' || ns.position === 'sticky') fixed = true;
      if (n === body || (ns.overflowX === 'visible' && ns.overflowY === 'visible')) continue;
      const c = n.getBoundingClientRect();
      x1 = Math.max(x1, c.left); y1 = Math.max(y1, c.top); x2 = Math.min(x2, c.right); y2 = Math.min(y2, c.bottom);
      if (x2 - x1 < 1 || y2 - y1 < 1) return null;
    }
    if (opacity < 0.05) return null;
    return {x: x1 + sx, y: y1 + sy, w: x2 - x1, h: y2 - y1, fixed};
  };
  const index = new Map();
  const candidates = body.querySelectorAll(SEL);
  for (const el of candidates) {
    if (out.targets.length >= opts.maxTargets) { out.targets_truncated = true; break; }
    const tag = el.tagName.toLowerCase();
    if (tag === 'label' && !el.control) continue;
    if (el.disabled) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible' || cs.pointerEvents === 'none') continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;  // hidden, or a visually hidden (sr-only) element
    if (r.right + sx <= 0 || r.bottom + sy <= 0 || r.left + sx >= Math.max(de.scrollWidth, de.clientWidth)) continue;
    const v = visibleRect(el, cs, r);
    if (!v) continue;
    const dest = (tag === 'a' || tag === 'area') ? el.href : (tag === 'label' ? keyOf(el.control) : keyOf(el));
    index.set(el, out.targets.length);
    out.targets.push({x: Math.round(v.x * 10) / 10, y: Math.round(v.y * 10) / 10, w: Math.round(v.w * 10) / 10,
                      h: Math.round(v.h * 10) / 10, dest, tag, inline: inRunningText(el, cs), fixed: v.fixed,
                      ua: (v.w < 24 || v.h < 24) ? uaDefault(el, r) : false,
                      selector: cssPath(el), parent: -1,
                      text: ((el.innerText || (/^(submit|button|reset)$/.test(el.type || '') ? el.value : '') || '') + ' ' +
                             (el.getAttribute('aria-label') || '')).replace(/\s+/g, ' ').trim().slice(0, 40)});
  }
  for (const [el, i] of index) {
    for (let n = el.parentElement; n && n !== body; n = n.parentElement) {
      if (index.has(n)) { out.targets[i].parent = index.get(n); break; }
    }
  }

  // Navigation: toggles and navigation blocks in the first screen.
  const vh = window.innerHeight;
  const firstScreen = (r, cs) => r.left < de.clientWidth && r.right > 0 &&
    ((r.top < vh && r.bottom > 0) || cs.position === 'fixed' || cs.position === 'sticky');
  const linksIn = (root) => {
    if (!root) return 0;
    let n = 0;
    for (const a of root.querySelectorAll('a[href]')) { if (n >= 200) break; n++; }
    return n;
  };
  const nameOf = (el) => {
    const parts = [el.getAttribute('aria-label') || '', el.getAttribute('title') || ''];
    const lb = el.getAttribute('aria-labelledby');
    if (lb) for (const id of lb.split(/\s+/)) { const t = document.getElementById(id); if (t) parts.push(t.textContent || ''); }
    for (const img of el.querySelectorAll('img[alt], svg title, [aria-label]')) parts.push(img.getAttribute('alt') || img.getAttribute('aria-label') || img.textContent || '');
    return parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  };
  const classesOf = (el) => {
    const own = (el.getAttribute('class') || '') + ' ' + (el.id || '');
    const inner = Array.from(el.querySelectorAll('[class]')).slice(0, 6).map(c => c.getAttribute('class')).join(' ');
    return (own + ' ' + inner).replace(/\s+/g, ' ').trim().slice(0, 200);
  };
  for (const el of body.querySelectorAll('button, [role="button"], summary, a[href], label, input[type="checkbox"]')) {
    if (out.nav.toggles.length >= 60) break;
    const cs = getComputedStyle(el);
    if (!shown(el, cs)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 8 || r.height < 8 || !firstScreen(r, cs)) continue;
    const text = (el.innerText || '').replace(/\s+/g, ' ').trim();
    const tag = el.tagName.toLowerCase();
    const controls = el.getAttribute('aria-controls');
    const ariaish = el.hasAttribute('aria-expanded') || !!controls || el.hasAttribute('aria-haspopup');
    if (tag === 'a' && !ariaish && (text.length > 20 || el.closest('nav, [role="navigation"]'))) continue;
    let target = controls ? document.getElementById(controls.split(/\s+/)[0]) : null;
    if (!target && tag === 'summary') target = el.parentElement;
    if (!target && tag === 'label' && el.control) target = el.control.parentElement;
    if (!target && ariaish) target = el.nextElementSibling;
    out.nav.toggles.push({tag, text: text.slice(0, 60), name: nameOf(el), classes: classesOf(el),
                          expanded: el.getAttribute('aria-expanded'), controls: controls || null,
                          haspopup: el.getAttribute('aria-haspopup'), controls_links: linksIn(target),
                          href: tag === 'a' ? el.getAttribute('href') : null,
                          rect: {x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width), h: Math.round(r.height)}});
  }
  for (const nav of body.querySelectorAll('nav, [role="navigation"], [role="menubar"]')) {
    if (out.nav.navs.length >= 20) break;
    let visible = 0, total = 0;
    for (const a of nav.querySelectorAll('a[href]')) {
      total++;
      const cs = getComputedStyle(a); const r = a.getBoundingClientRect();
      if (shown(a, cs) && r.width > 1 && r.height > 1 && firstScreen(r, cs)) visible++;
    }
    out.nav.navs.push({name: nameOf(nav), classes: ((nav.getAttribute('class') || '') + ' ' + (nav.id || '')).trim().slice(0, 120),
                       selector: cssPath(nav), links: total, visible_links: visible});
  }
  return out;
}
"""

# Re-measured after a resize: the reflow numbers, and for landscape the orientation signals.
RESIZED_JS = "(opts) => {" + HELPERS_JS + r"""
  const out = {layout: layout(), inner_height: window.innerHeight};
  if (opts.orientation) {
    out.text_chars = textStats(opts.maxNodes, 0).total;
    out.cover = coverAtCentre();
    const rot = (el) => {
      if (!el) return null;
      const t = getComputedStyle(el).transform;
      const m = /^matrix\(([^)]+)\)/.exec(t || '');
      if (!m) return null;
      const [a, b] = m[1].split(',').map(Number);
      const deg = Math.round(Math.atan2(b, a) * 180 / Math.PI);
      return Math.abs(deg) >= 45 ? {selector: cssPath(el), degrees: deg} : null;
    };
    out.rotated = [de, body, ...(body ? Array.from(body.children).slice(0, 10) : [])].map(rot).filter(Boolean);
  }
  return out;
}
"""

MANIFEST_JS = r"""
async (href) => {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 5000);
  try {
    const res = await fetch(href, {credentials: 'same-origin', signal: ctl.signal});
    if (!res.ok) return {href, status: res.status};
    const data = JSON.parse((await res.text()).slice(0, 200000));
    return {href, status: res.status, orientation: data.orientation || null, display: data.display || null};
  } catch (e) {
    return {href, error: String(e).slice(0, 200)};
  } finally { clearTimeout(timer); }
}
"""

NEXT_FRAME_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"
NARROW_WIDTH = 320
SETTLE_SECONDS = 0.15  # resize handlers are often debounced by ~100 ms


class MobileLayoutGatherer(Gatherer):
    """Viewport meta, reflow at 375 and 320 px, tap targets, text sizes, navigation, orientation."""

    name = "mobile_layout"
    order = 86
    viewports: ClassVar[tuple[str, ...]] = ("mobile",)
    init_script = LOCK_RECORDER_JS
    max_targets = 1500
    max_text_nodes = 8000
    running_text_letters = 10  # letters outside links that make a block "running text"

    async def gather(self, ctx: PageContext) -> Any:
        page = ctx.page
        opts = {"maxNodes": self.max_text_nodes, "maxTargets": self.max_targets,
                "runningTextLetters": self.running_text_letters, "orientation": False}
        result: dict[str, Any] = await page.evaluate(MEASURE_JS, opts)
        size = page.viewport_size
        width, height = (size["width"], size["height"]) if size else (375, 812)
        try:
            await self._resize(page, NARROW_WIDTH, height)
            result["narrow"] = await page.evaluate(RESIZED_JS, opts)
            await self._resize(page, height, width)  # landscape
            result["landscape"] = await page.evaluate(RESIZED_JS, {**opts, "orientation": True})
        finally:
            await self._resize(page, width, height)
        result["width"] = width
        href = result.get("manifest_href")
        if ctx.kind == "home" and href:
            result["manifest"] = await page.evaluate(MANIFEST_JS, href)
        return result

    @staticmethod
    async def _resize(page: Any, width: int, height: int) -> None:
        await page.set_viewport_size({"width": width, "height": height})
        await page.evaluate(NEXT_FRAME_JS)
        await asyncio.sleep(SETTLE_SECONDS)
