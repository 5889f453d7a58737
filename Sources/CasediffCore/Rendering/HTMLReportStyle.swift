/// The HTML report's style sheet, inlined in every report: light and dark (`prefers-color-scheme`), each kind with
/// its own colour and symbol, removed words struck through and inserted words underlined (so the highlight survives
/// black-and-white print and colour blindness), visible focus, and a print layout without the controls.
enum HTMLReportStyle {
    static let source = ##"""
        :root {
          color-scheme: light dark;
          --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --link: #0550ae;
          --added: #1a7f37; --removed: #cf222e; --changed: #9a6700; --moved: #0969da; --renamed: #8250df;
          --unchanged: #6e7781; --ins-bg: #d7f5dd; --del-bg: #ffdcd7; --focus: #0969da;
          --drift-bg: #fff1e5; --same-bg: #dafbe1; --on-kind: #ffffff;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23; --link: #4493f8;
            --added: #3fb950; --removed: #f85149; --changed: #d29922; --moved: #4493f8; --renamed: #ab7df8;
            --unchanged: #8b949e; --ins-bg: #1f4a2c; --del-bg: #5c1f24; --focus: #4493f8;
            --drift-bg: #3d2a12; --same-bg: #17361f; --on-kind: #0d1117;
          }
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1200px; padding: 0 1.25rem 3rem; background: var(--bg); color: var(--fg);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
        a { color: var(--link); }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .25rem .5rem; }
        h1 { font-size: 1.5rem; margin: 1.25rem 0 .5rem; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        h3 { font-size: 1rem; margin: 1.25rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
        .verdict { font-size: 1.05rem; padding: .6rem .8rem; border-radius: 6px; border-left: 6px solid; }
        .verdict.drift { background: var(--drift-bg); border-color: var(--removed); }
        .verdict.same { background: var(--same-bg); border-color: var(--added); }
        table { border-collapse: collapse; }
        th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        .sides td, .sides th { white-space: normal; }
        .options { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .75rem 0; }
        .options dt { color: var(--muted); }
        .options dd { margin: 0; }
        .totals td, .totals th { text-align: right; font-variant-numeric: tabular-nums; }
        .totals td:first-child, .totals th:first-child { text-align: left; }
        .totals .zero { color: var(--muted); }
        .totals tfoot th, .totals tfoot td { font-weight: 600; border-top: 2px solid var(--line); }
        .sym { display: inline-block; min-width: 1em; text-align: center; font-weight: 700; }
        .k-added { --k: var(--added); } .k-removed { --k: var(--removed); } .k-changed { --k: var(--changed); }
        .k-moved { --k: var(--moved); } .k-renamed { --k: var(--renamed); } .k-unchanged { --k: var(--unchanged); }
        th.k-added .sym, th.k-removed .sym, th.k-changed .sym, th.k-moved .sym, th.k-renamed .sym,
        th.k-unchanged .sym, label .sym { color: var(--k); }
        svg.chart { max-width: 100%; height: auto; display: block; margin: .5rem 0 1rem; }
        svg.chart text { fill: var(--fg); font-size: 13px; }
        svg.chart rect { fill: var(--k); }
        svg.chart text.inside { fill: var(--on-kind); font-weight: 700; pointer-events: none; }
        svg.chart text.total, svg.chart text.more { fill: var(--muted); }
        svg.chart a:hover rect, svg.chart a:focus rect { stroke: var(--fg); stroke-width: 2; }
        svg.chart a:focus { outline: none; }
        svg.chart a.bar-label:hover text { text-decoration: underline; }
        #notes ul { padding-left: 1.25rem; }
        #filters { position: sticky; top: 0; z-index: 2; background: var(--bg); display: flex; flex-wrap: wrap;
          gap: .5rem 1rem; align-items: center; padding: .6rem 0; border-bottom: 1px solid var(--line); }
        #filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
        #filters legend { float: left; margin-right: .5rem; color: var(--muted); }
        #filters .count { color: var(--muted); font-variant-numeric: tabular-nums; }
        #filters input[type=search] { width: 16rem; padding: .25rem .4rem; }
        #filters select, #filters input, #filters button { font: inherit; color: inherit; }
        #shown { color: var(--muted); margin: .5rem 0; }
        .keys { color: var(--muted); font-size: .85rem; margin: 0 0 .5rem; }
        kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 .3rem;
          font-size: .8rem; background: var(--panel); }
        .suite-shown, .group .shown { color: var(--muted); font-weight: 400; font-size: .9rem; }
        .group h4 { font-size: .95rem; margin: .9rem 0 .35rem; }
        .totals.resources { margin-top: .75rem; }
        .case { border-left: 4px solid var(--k); margin: .35rem 0; background: var(--panel); border-radius: 0 4px 4px 0; }
        .case > summary, .case > .head { padding: .35rem .6rem; cursor: pointer; list-style-position: inside; }
        .case > .head { cursor: default; }
        .case .badge { display: inline-block; min-width: 6.5rem; font-weight: 600; color: var(--k); }
        .case .title { font-weight: 600; }
        .case .place { color: var(--muted); }
        .case .place::before { content: "\00b7\00a0"; }
        .case .ids { margin-left: .5rem; font-size: .9rem; white-space: nowrap; }
        .case .flag { margin-left: .5rem; font-size: .8rem; padding: 0 .35rem; border: 1px solid var(--line);
          border-radius: 999px; color: var(--muted); }
        .case .flag.duplicate { border-color: var(--changed); color: var(--changed); }
        .case .key { margin-left: .5rem; font-family: ui-monospace, monospace; font-size: .85rem; color: var(--muted); }
        .case .body { padding: 0 .6rem .6rem; }
        .case .what { margin: .25rem 0 .4rem; }
        table.changes { width: 100%; table-layout: fixed; background: var(--bg); }
        table.changes th { width: 14rem; font-weight: 600; }
        table.changes thead th { width: auto; color: var(--muted); font-weight: 400; }
        table.changes thead th:first-child { width: 14rem; }
        table.changes td { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular,
          Menlo, Consolas, monospace; font-size: .85rem; }
        table.changes tr.step th .part { color: var(--muted); font-weight: 400; }
        table.changes td.none { color: var(--muted); font-style: italic; font-family: inherit; }
        del { background: var(--del-bg); text-decoration: line-through; text-decoration-thickness: 1px; }
        ins { background: var(--ins-bg); text-decoration: underline; text-decoration-thickness: 2px; }
        button.more { margin: .25rem 0 .75rem; font: inherit; }
        .notice { padding: .5rem .75rem; background: var(--panel); border-left: 4px solid var(--changed); }
        @media print {
          :root {
            --bg: #fff; --fg: #000; --panel: #fff; --muted: #444; --line: #bbb; --link: #000;
            --added: #1a7f37; --removed: #cf222e; --changed: #9a6700; --moved: #0969da; --renamed: #8250df;
            --unchanged: #6e7781; --ins-bg: #d7f5dd; --del-bg: #ffdcd7; --drift-bg: #fff1e5; --same-bg: #dafbe1;
            --on-kind: #fff;
          }
          body { max-width: none; padding: 0; font-size: 11pt; }
          #filters, .keys, button.more, .skip { display: none; }
          .case { break-inside: avoid; border: 1px solid #999; border-left-width: 4px; }
          a { color: inherit; text-decoration: none; }
          del, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """##
}
