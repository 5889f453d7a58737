/// The HTML report's script, inlined in every report: it reads the view from the URL fragment
/// (`#kind=changed,moved&res=cases,sections&suite=Checkout&q=login&all=1`), filters each group of records (a suite's
/// cases, its sections, a project-wide resource; parsed from its JSON only when a view needs it), and draws the rows
/// a page at a time, group by group as the reader scrolls towards them.
///
/// Every text from the data is set with `textContent` or a text node, never as markup.
enum HTMLReportScript {
    static let source = ##"""
        (function () {
          'use strict';
          var meta = JSON.parse(document.getElementById('meta').textContent);
          var KINDS = meta.kinds;
          var RESOURCES = meta.resources.map(function (r) { return r[0]; });
          var PAGE = 100;   // rows a suite draws at once; a button draws the next page
          var EAGER = 300;  // rows drawn at once on opening, before waiting for the reader to scroll
          var form = document.getElementById('filters');
          var kindBoxes = Array.prototype.slice.call(form.querySelectorAll('input[name=kind]'));
          var resourceBoxes = Array.prototype.slice.call(form.querySelectorAll('input[name=res]'));
          var suiteSelect = document.getElementById('suite-filter');
          var search = document.getElementById('search');
          var driftOnly = document.getElementById('drift-only');
          var shown = document.getElementById('shown');
          var sections = Array.prototype.slice.call(document.querySelectorAll('section.suite'));
          // The groups of rows, in the order of meta.groups; each knows its block (the suite or resource section).
          var blocks = Array.prototype.slice.call(document.querySelectorAll('section.suite .group'));
          blocks.forEach(function (block, index) {
            block.info = meta.groups[index];
            block.section = block.closest('section.suite');
            block.label = block.querySelector('.shown') || block.section.querySelector('.suite-shown');
          });
          var cache = {};
          var state = read();
          var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
            entries.forEach(function (entry) {
              if (entry.isIntersecting) { more(entry.target); }
            });
          }, { rootMargin: '800px 0px' }) : null;

          // A part's data: [places, records, sections?]; parsed once, when a view first needs it.
          function part(id) {
            if (!cache[id]) {
              var element = document.getElementById(id);
              cache[id] = element ? JSON.parse(element.textContent) : [[], [], []];
            }
            return cache[id];
          }

          // A group's data as [places, records].
          function data(block) {
            var whole = part(block.info.part);
            return [whole[0], whole[block.info.list] || []];
          }

          // How an id is written: C12 for a case, S3 for a suite, #140 for the others.
          function label(resource, id) {
            return (resource === 'cases' ? 'C' : resource === 'suites' ? 'S' : '#') + id;
          }

          function read() {
            var params = new URLSearchParams(location.hash.replace(/^#/, ''));
            // Known kinds, each once, in listing order.
            var named = params.has('kind') ? params.get('kind').split(',') : KINDS;
            var kinds = KINDS.filter(function (k) { return named.indexOf(k) >= 0; });
            var listed = params.has('res') ? params.get('res').split(',') : RESOURCES;
            var resources = RESOURCES.filter(function (r) { return listed.indexOf(r) >= 0; });
            return { kinds: kinds, resources: resources, suite: params.get('suite') || '', q: params.get('q') || '',
              all: params.get('all') === '1' };
          }

          // The view as a fragment, `kind=changed,moved&suite=Checkout%20flow`: values percent-encoded, commas kept.
          function write() {
            var pairs = [];
            function add(key, value) {
              pairs.push(key + '=' + encodeURIComponent(value).replace(/%2C/g, ','));
            }
            if (state.kinds.length !== KINDS.length) { add('kind', state.kinds.join(',')); }
            if (state.resources.length !== RESOURCES.length) { add('res', state.resources.join(',')); }
            if (state.suite) { add('suite', state.suite); }
            if (state.q) { add('q', state.q); }
            if (state.all) { add('all', '1'); }
            var hash = pairs.join('&');
            var url = hash ? '#' + hash : location.pathname + location.search;
            try { history.replaceState(null, '', url); } catch (e) { location.hash = hash; }
          }

          function sync() {
            kindBoxes.forEach(function (box) { box.checked = state.kinds.indexOf(box.value) >= 0; });
            resourceBoxes.forEach(function (box) { box.checked = state.resources.indexOf(box.value) >= 0; });
            // A link naming a suite this report does not have says so rather than showing all suites; the option
            // goes with the view.
            Array.prototype.slice.call(suiteSelect.querySelectorAll('option[data-missing]')).forEach(function (o) {
              if (o.value !== state.suite) { o.remove(); }
            });
            suiteSelect.value = state.suite;
            if (suiteSelect.value !== state.suite) {
              var option = element('option', '', state.suite + ' (not in this report)');
              option.value = state.suite;
              option.dataset.missing = 'true';
              suiteSelect.appendChild(option);
              suiteSelect.value = state.suite;
            }
            if (search.value !== state.q) { search.value = state.q; }
            driftOnly.checked = !state.all;
          }

          function text(suite, record, resource) {
            var places = suite[0];
            var left = record[2];
            var right = record[3];
            var parts = [''];
            if (left) { parts.push(left[2], places[left[1]], label(resource, left[0])); }
            if (right) {
              parts.push(label(resource, right[0]));
              if (right.length > 1) { parts.push(right[2], places[right[1]]); }
            }
            if (record[5]) { parts.push(record[5]); }
            (record[4] || []).forEach(function (change) { parts.push(change[0]); });
            parts.push('');
            return parts.join('\n').toLowerCase();
          }

          // A record is in the view by its status (as the chart and the counts count it), its drift and the text.
          // A query that is an id (`C12`, `S3`, `#140`) matches that id only, not C120.
          function matches(suite, record, query, resource) {
            if (!state.all && !(record[1] & 1)) { return false; }
            if (state.kinds.indexOf(KINDS[record[0]]) < 0) { return false; }
            if (!query) { return true; }
            return text(suite, record, resource).indexOf(/^[cs#]\d+$/.test(query) ? '\n' + query + '\n' : query) >= 0;
          }

          function sum(counts) { return counts.reduce(function (a, b) { return a + b; }, 0); }

          // Filters every group; draws the first rows, the rest as the reader scrolls. A suite filter leaves out the
          // project-wide resources.
          function apply() {
            var query = state.q.trim().toLowerCase();
            var total = 0;
            var budget = EAGER;
            var found = {};
            var compared = {};
            blocks.forEach(function (block) {
              var info = block.info;
              block.querySelector('.rows').textContent = '';
              var button = block.querySelector('button.more');
              if (button) { button.remove(); }
              if (observer) { observer.unobserve(block); }
              block.found = [];
              block.size = 0;
              block.drawn = 0;
              var all = sum(info.counts);
              compared[info.resource] = (compared[info.resource] || 0) + all;
              var suiteName = info.suite >= 0 ? meta.suites[info.suite].name : null;
              var possible = (state.all || info.drift > 0) && state.resources.indexOf(info.resource) >= 0
                && (!state.suite || suiteName === state.suite)
                && KINDS.some(function (k, i) { return info.counts[i] > 0 && state.kinds.indexOf(k) >= 0; });
              if (possible && !query && state.kinds.length === KINDS.length) {
                // Every record of the view matches: its count is known; the data is parsed when first drawn.
                block.found = null;
                block.size = state.all ? all : info.drift;
              } else if (possible) {
                var suite = data(block);
                var records = suite[1];
                for (var i = 0; i < records.length; i++) {
                  if (matches(suite, records[i], query, info.resource)) { block.found.push(i); }
                }
                block.size = block.found.length;
              }
              block.hidden = block.size === 0;
              block.label.textContent = '';
              if (block.hidden) { return; }
              total += block.size;
              found[info.resource] = (found[info.resource] || 0) + block.size;
              var noun = meta.resources[RESOURCES.indexOf(info.resource)][1];
              block.label.textContent = block.size + ' of ' + all + ' ' + noun + (all === 1 ? '' : 's');
            });
            sections.forEach(function (section) {
              section.hidden = !section.querySelector('.group:not([hidden])');
            });
            blocks.forEach(function (block) {
              if (block.hidden) { return; }
              if (budget > 0) {
                budget -= more(block);
              } else if (observer) {
                observer.observe(block);
              } else {
                more(block);
              }
            });
            shown.dataset.count = String(total);
            shown.dataset.cases = String(found.cases || 0);
            var parts = meta.resources.filter(function (r) {
              return state.resources.indexOf(r[0]) >= 0 && (r[0] === 'cases' || compared[r[0]]);
            }).map(function (r) {
              var n = compared[r[0]] || 0;
              return (found[r[0]] || 0) + ' of ' + n + ' compared ' + r[1] + (n === 1 ? '' : 's');
            });
            shown.textContent = total === 0 ? 'Nothing matches this view.'
              : 'Showing ' + parts.join(', ') + (state.all ? '' : ' (only what drifted)') + '.';
          }

          // Draws the block's next page of rows; returns how many.
          function more(block) {
            if (observer) { observer.unobserve(block); }
            var suite = data(block);
            if (!block.found) {
              block.found = [];
              for (var r = 0; r < suite[1].length; r++) {
                if (state.all || (suite[1][r][1] & 1)) { block.found.push(r); }
              }
            }
            var rows = block.querySelector('.rows');
            var end = Math.min(block.found.length, block.drawn + PAGE);
            var fragment = document.createDocumentFragment();
            for (var i = block.drawn; i < end; i++) {
              fragment.appendChild(row(suite, suite[1][block.found[i]], block.info.resource));
            }
            rows.appendChild(fragment);
            var count = end - block.drawn;
            block.drawn = end;
            var button = block.querySelector('button.more');
            if (block.drawn < block.found.length) {
              if (!button) {
                button = document.createElement('button');
                button.type = 'button';
                button.className = 'more';
                button.addEventListener('click', function () { more(block); });
                block.appendChild(button);
              }
              var left = block.found.length - block.drawn;
              button.textContent = 'Show ' + Math.min(PAGE, left) + ' more (' + left + ' left)';
            } else if (button) {
              button.remove();
            }
            return count;
          }

          function element(tag, className, content) {
            var node = document.createElement(tag);
            if (className) { node.className = className; }
            if (content !== undefined) { node.textContent = content; }
            return node;
          }

          // An id, linked to its page in TestRail for a case or a suite; other resources' ids are plain.
          function link(side, id, resource) {
            var prefix = resource === 'cases' ? meta.links[side] : resource === 'suites' ? meta.suiteLinks[side] : null;
            var text = label(resource, id);
            if (!prefix) { return element('span', 'id', text); }
            var anchor = element('a', 'id', text);
            anchor.href = prefix + id;
            anchor.target = '_blank';
            anchor.rel = 'noopener';
            anchor.title = (side === 0 ? 'Left' : 'Right') + ': open ' + text + ' in TestRail';
            return anchor;
          }

          // Where a record sits, in words: a case's section, a section's parent; nothing for a project-wide one.
          function where(resource, path) {
            if (resource === 'cases') { return path || '(no section)'; }
            if (resource === 'sections') { return path || '(top level)'; }
            return path || null;
          }

          function row(suite, record, resource) {
            var places = suite[0];
            var status = KINDS[record[0]];
            var left = record[2];
            var right = record[3];
            var title = right && right.length > 1 ? right[2] : (left ? left[2] : right[2]);
            var place = right && right.length > 1 ? places[right[1]] : (left ? places[left[1]] : places[right[1]]);
            var changes = record[4] || [];
            var node = element(changes.length ? 'details' : 'div', 'case k-' + status);
            node.dataset.kind = status;
            node.dataset.resource = resource;
            var head = element(changes.length ? 'summary' : 'div', changes.length ? '' : 'head');
            if (!changes.length) { head.tabIndex = 0; }
            var badge = element('span', 'badge');
            badge.appendChild(element('span', 'sym', meta.symbols[record[0]])).setAttribute('aria-hidden', 'true');
            badge.appendChild(document.createTextNode(' ' + status));
            head.appendChild(badge);
            head.appendChild(element('span', 'title', title));
            var at = where(resource, place);
            if (at !== null) {
              head.appendChild(document.createTextNode(' '));
              head.appendChild(element('span', 'place', at));
            }
            var ids = element('span', 'ids');
            if (left) { ids.appendChild(link(0, left[0], resource)); }
            if (left && right) { ids.appendChild(document.createTextNode(' \u2192 ')); }
            if (right) { ids.appendChild(link(1, right[0], resource)); }
            head.appendChild(ids);
            if (record[5]) { head.appendChild(element('span', 'key', record[5])); }
            if (record[1] & 2) { head.appendChild(element('span', 'flag duplicate', 'duplicate key')); }
            if (!(record[1] & 1) && status !== 'unchanged') { head.appendChild(element('span', 'flag', 'not drift')); }
            node.appendChild(head);
            if (changes.length) {
              node.open = true;
              node.appendChild(body(places, record, changes, resource));
            }
            return node;
          }

          function runs(cell, values, tag) {
            if (!values.join('').trim()) {
              cell.className += ' none';
              cell.textContent = '(empty)';
              return;
            }
            for (var i = 0; i < values.length; i++) {
              if (!values[i]) { continue; }
              cell.appendChild(i % 2 ? element(tag, '', values[i]) : document.createTextNode(values[i]));
            }
          }

          function body(places, record, changes, resource) {
            var box = element('div', 'body');
            var left = record[2];
            var right = record[3];
            var what = [];
            if (KINDS[record[0]] === 'moved') {
              var to = right.length > 1 ? places[right[1]] : places[left[1]];
              what.push('Moved from \u201c' + where(resource, places[left[1]]) + '\u201d \u2192 \u201c'
                + where(resource, to) + '\u201d');
            }
            if (changes.some(function (c) { return KINDS[c[1]] === 'renamed'; })) {
              what.push('Renamed from \u201c' + left[2] + '\u201d');
            }
            if (what.length) { box.appendChild(element('p', 'what', what.join('; '))); }
            var table = element('table', 'changes');
            var head = table.createTHead().insertRow();
            head.appendChild(element('th', '', 'What'));
            head.appendChild(element('th', '', 'Left (baseline) \u00b7 ' + label(resource, left[0])));
            head.appendChild(element('th', '', 'Right \u00b7 ' + label(resource, right[0])));
            var tbody = table.createTBody();
            changes.forEach(function (change) {
              var tr = tbody.insertRow();
              tr.className = 'k-' + KINDS[change[1]] + (change[2] >= 0 ? ' step' : '');
              var th = element('th');
              th.scope = 'row';
              if (change[2] >= 0) {
                // Steps are numbered as the right case has them; a step removed whole only the left case has.
                var steps = change[0] === 'custom_steps_separated';
                var removed = !change[3] && !change[5];
                var number = String(change[2] + 1);
                tr.dataset[removed ? 'leftStep' : 'step'] = number;
                var name = steps ? (removed ? 'Left step ' : 'Step ') : change[0] + (removed ? ' left item ' : ' item ');
                th.appendChild(document.createTextNode(name + number));
                var part = change[3] ? ' \u00b7 ' + change[3] : (removed ? ' removed' : ' added');
                th.appendChild(element('span', 'part', part));
                if (change[6]) { th.appendChild(element('div', 'part', 'shared step set \u201c' + change[6] + '\u201d')); }
              } else {
                th.textContent = change[0];
              }
              tr.appendChild(th);
              [[change[4], 'del', 'old'], [change[5], 'ins', 'new']].forEach(function (side) {
                var td = element('td', side[2]);
                if (side[0]) {
                  runs(td, side[0], side[1]);
                } else {
                  td.className += ' none';
                  td.textContent = change[2] >= 0 && !change[3] ? '(no such step)' : '(none)';
                }
                tr.appendChild(td);
              });
            });
            box.appendChild(table);
            return box;
          }

          function update(changes) {
            for (var key in changes) { state[key] = changes[key]; }
            write();
            apply();
          }

          kindBoxes.forEach(function (box) {
            box.addEventListener('change', function () {
              update({ kinds: kindBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }) });
            });
          });
          resourceBoxes.forEach(function (box) {
            box.addEventListener('change', function () {
              update({ resources: resourceBoxes.filter(function (b) { return b.checked; }).map(function (b) {
                return b.value;
              }) });
            });
          });
          suiteSelect.addEventListener('change', function () { update({ suite: suiteSelect.value }); });
          driftOnly.addEventListener('change', function () { update({ all: !driftOnly.checked }); });
          var typing = 0;
          search.addEventListener('input', function () {
            clearTimeout(typing);
            typing = setTimeout(function () { update({ q: search.value }); }, 120);
          });
          form.addEventListener('submit', function (event) { event.preventDefault(); });
          document.getElementById('reset').addEventListener('click', function () {
            state = { kinds: KINDS.slice(), resources: RESOURCES.slice(), suite: '', q: '', all: false };
            sync();
            write();
            apply();
          });
          // A link to a view (a bar of the chart, a count) shows it: the filters at the top, the list below. A
          // fragment that names no view (`#cases`, the skip link) is left to the browser.
          window.addEventListener('hashchange', function () {
            if (location.hash.length > 1 && location.hash.indexOf('=') < 0) { return; }
            state = read();
            sync();
            apply();
            form.scrollIntoView({ block: 'start' });
            document.getElementById('cases').focus({ preventScroll: true });
          });

          function drawnHeads() {
            return Array.prototype.slice.call(document.querySelectorAll('.case > summary, .case > .head'));
          }

          // Keys: / searches, j and k move between cases (drawing the next rows when needed), Escape leaves the search.
          document.addEventListener('keydown', function (event) {
            if (event.ctrlKey || event.metaKey || event.altKey) { return; }
            var target = event.target;
            if (target === search && event.key === 'Escape') { search.blur(); return; }
            if (/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName) && target.type !== 'checkbox') { return; }
            if (event.key === '/') {
              event.preventDefault();
              search.focus();
              search.select();
            } else if (event.key === 'j' || event.key === 'k') {
              var current = target.closest && target.closest('.case');
              var heads = drawnHeads();
              var at = current ? heads.indexOf(current.firstChild) : -1;
              var block = current && current.closest('.group');
              if (event.key === 'j' && (block ? block.querySelector('.rows').lastElementChild === current : at < 0)) {
                // Past the last row drawn of a group: its next page, or the next group if it waits to be drawn.
                var pending = block && block.drawn < block.size ? block : blocks.filter(function (b, i) {
                  return !b.hidden && i > blocks.indexOf(block);
                })[0];
                if (pending && pending.drawn < pending.size && (pending === block || pending.drawn === 0)) {
                  more(pending);
                  heads = drawnHeads();
                  at = current ? heads.indexOf(current.firstChild) : -1;
                }
              }
              if (!heads.length) { return; }
              var next = at < 0 ? 0 : Math.max(0, Math.min(heads.length - 1, at + (event.key === 'j' ? 1 : -1)));
              event.preventDefault();
              heads[next].focus();
              heads[next].scrollIntoView({ block: 'nearest' });
            }
          });

          // Printing prints the view: every row of it (up to 5 000), opened.
          window.addEventListener('beforeprint', function () {
            var budget = 5000;
            blocks.forEach(function (block) {
              while (!block.hidden && block.drawn < block.size && budget > 0) {
                var drawn = more(block);
                if (!drawn) { break; }
                budget -= drawn;
              }
            });
          });

          sync();
          apply();
          document.documentElement.dataset.ready = 'true';
        })();

        """##
}
