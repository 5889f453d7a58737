#!/usr/bin/env python3
"""Writes the comparison's golden scenarios: Fixtures/compare/<scenario>/{left,right,options}.json.

Each scenario is a pair of small projects in ProjectData's JSON shape; the expected outputs next to them
(expected.table.txt, .json, .md, .csv, .junit.xml) are recorded by the tests with RECORD_SNAPSHOTS=1 and reviewed
by hand. Deterministic: rerun after editing this script.
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "Fixtures" / "compare"
TYPES = [{"id": 1, "name": "Functional"}, {"id": 2, "name": "Regression"}, {"id": 3, "name": "Usability"}]
PRIORITIES = [{"id": 1, "name": "Low", "short_name": "Low", "priority": 1},
              {"id": 2, "name": "Medium", "short_name": "Med", "priority": 2},
              {"id": 3, "name": "High", "short_name": "High", "priority": 3}]


def project(pid, name, suites, mode=3):
    """suites: {suite name: {section path: [case dicts]}}; ids are derived from pid so the sides differ."""
    out = {"instance": "https://example.testrail.io/", "case_types": TYPES, "priorities": PRIORITIES,
           "project": {"id": pid, "name": name, "suite_mode": mode, "is_completed": False}, "suites": []}
    next_id = {"suite": pid * 100, "section": pid * 1000, "case": pid * 10000}

    def new(kind):
        next_id[kind] += 1
        return next_id[kind]

    for suite_name, tree in suites.items():
        sid = new("suite")
        sections, cases, ids = [], [], {}
        for order, path in enumerate(tree, start=1):
            if path:
                parts = path.split(" > ")
                for depth in range(len(parts)):
                    sub = " > ".join(parts[:depth + 1])
                    if sub not in ids:
                        ids[sub] = new("section")
                        sections.append({"id": ids[sub], "suite_id": sid, "name": parts[depth],
                                         "parent_id": ids.get(" > ".join(parts[:depth])) if depth else None,
                                         "depth": depth, "display_order": order})
            for position, item in enumerate(tree[path], start=1):
                item = dict(item)
                case = {"id": item.pop("id", None) or new("case"), "title": item.pop("title"),
                        "section_id": ids.get(path), "suite_id": sid, "template_id": item.pop("template", 1),
                        "type_id": item.pop("type", 1), "priority_id": item.pop("priority", 2),
                        "refs": item.pop("refs", None), "estimate": item.pop("estimate", None),
                        "display_order": position, "is_deleted": item.pop("deleted", 0),
                        "created_on": 1735689600, "updated_on": 1735689600 + pid}
                case.update(item)
                cases.append(case)
        out["suites"].append({"suite": {"id": sid, "name": suite_name, "project_id": pid}, "sections": sections,
                              "cases": cases})
    return out


def steps(*pairs):
    return {"custom_steps_separated": [{"content": c, "expected": e} for c, e in pairs]}


def write(name, left, right, options):
    folder = ROOT / name
    folder.mkdir(parents=True, exist_ok=True)
    for file, value in (("left.json", left), ("right.json", right), ("options.json", options)):
        (folder / file).write_text(json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


# Renames, moves, step edits and the ordinary statuses, in two suites.
write("renames-and-moves",
      project(1, "Shop", {
          "Checkout": {
              "Cart": [{"title": "Add a product to the cart", "refs": "SHOP-1"},
                       {"title": "Reject an expired coupon", "priority": 3},
                       {"title": "Legacy fax confirmation", "priority": 1}],
              "Payment": [{"title": "Pay by credit card", **steps(("Enter a card", "Accepted"),
                                                                  ("Confirm", "Order confirmed"))},
                          {"title": "Partial refund"}],
              "Payment > Refunds": [{"title": "Full refund", "type": 2}],
          },
          "Accounts": {"Sign-in": [{"title": "Sign in with e-mail", "priority": 3},
                                   {"title": "Sign in with Google", "custom_preconds": "A Google account."}],
                       "": [{"title": "A case outside any section"}]},
      }),
      project(2, "Shop (migrated)", {
          "Checkout": {
              "Cart": [{"title": "Add a product to the cart", "refs": "SHOP-1, SHOP-2"},
                       {"title": "Reject expired coupon", "priority": 2},
                       {"title": "Choose click-and-collect"}],
              "Payment": [{"title": "Pay by credit card", **steps(("Enter a card", "Accepted"),
                                                                  ("Check the 3-D Secure page", "Shown"),
                                                                  ("Confirm", "Order confirmed and e-mailed"))}],
              "Payment > Refunds": [{"title": "Full refund", "type": 1}, {"title": "Partial refund"}],
          },
          "Accounts": {"Sign-in": [{"title": "Sign in with email", "priority": 3},
                                   {"title": "Sign in with Google", "custom_preconds": "A Google account."}],
                       "": [{"title": "A case outside any section"}]},
      }),
      {"match": "title"})

# Duplicate titles on both sides: same section first, then by similarity; the surplus is reported.
write("duplicates",
      project(1, "Mobile", {"Master": {
          "Login": [{"title": "Login works", "priority": 3}, {"title": "Login works", "priority": 1}],
          "Orders": [{"title": "Reorder", "refs": "M-1"}, {"title": "Reorder", "refs": "M-2"}],
      }}, mode=1),
      project(2, "Mobile (copy)", {"Master": {
          "Login": [{"title": "Login works", "priority": 1}],
          "Settings": [{"title": "Login works", "priority": 3}],
          "Orders": [{"title": "Reorder", "refs": "M-2"}, {"title": "Reorder", "refs": "M-1"},
                     {"title": "Reorder", "refs": "M-3"}],
      }}, mode=1),
      {"match": "title"})

# Rich text, Unicode and characters every output format must escape.
write("html-and-unicode",
      project(1, "Intl", {"Text": {
          "Rich text": [{"title": "Markup only", "custom_preconds": "<p>A <b>valid</b> coupon &amp; a cart.</p>"},
                        {"title": "Text edited", "custom_preconds": "<p>Two items</p>"}],
          "Unicode": [{"title": "Caf\u00e9 au lait"}, {"title": "\u6d4b\u8bd5\u7528\u4f8b \U0001F680"},
                      {"title": "Pipes | commas, \"quotes\" & <tags>", "refs": "=1+2"}],
          "White space": [{"title": "Spaces   inside  the title"}],
      }}),
      project(2, "Intl (copy)", {"Text": {
          "Rich text": [{"title": "Markup only",
                         "custom_preconds": "<div>A&nbsp;<strong>valid</strong>  coupon &amp; a cart.</div>"},
                        {"title": "Text edited", "custom_preconds": "<p>Three items</p>"}],
          "Unicode": [{"title": "Cafe\u0301 au lait"}, {"title": "\u6d4b\u8bd5\u7528\u4f8b \U0001F680"},
                      {"title": "Pipes | commas, \"quotes\" & <tags>", "refs": "=1+3"}],
          "White space": [{"title": " Spaces inside the title "}],
      }}),
      {"match": "title"})

# Empty suites: empty on both sides, emptied on one side, and a new empty suite.
write("empty-suites",
      project(1, "Empty", {"Nothing yet": {}, "Emptied": {"Old": [{"title": "Soon gone"}]}}),
      project(2, "Empty (copy)", {"Nothing yet": {}, "Emptied": {}, "New and empty": {}}),
      {"match": "title"})

# Matching by an automation id: titles may change freely; cases without an id are listed; only some kinds fail.
write("automation-id",
      project(1, "API", {"Endpoints": {"Orders": [
          {"title": "GET /orders lists orders", "custom_automation_id": "api.orders.list"},
          {"title": "POST /orders creates one", "custom_automation_id": "api.orders.create", "priority": 3},
          {"title": "Manual smoke check", "custom_automation_id": None},
      ]}}),
      project(2, "API (copy)", {"Endpoints": {"Orders": [
          {"title": "List orders (GET /orders)", "custom_automation_id": "api.orders.list"},
          {"title": "POST /orders creates one", "custom_automation_id": "api.orders.create", "priority": 2},
          {"title": "DELETE /orders/{id}", "custom_automation_id": "api.orders.delete"},
      ]}}),
      {"match": "field:custom_automation_id", "fail_on": ["added", "removed", "changed"]})
print(f"wrote {sorted(p.name for p in ROOT.iterdir())}")
