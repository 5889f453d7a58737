#!/usr/bin/env python3
"""Writes Fixtures/demo/instance.json: the demo instance, with drift placed on purpose.

Projects
  P1 "Storefront" (multi-suite, the source) and P2 "Storefront (migrated)" (multi-suite, the copy)
  P3 "Mobile App" and P4 "Mobile App (copy)" (single-suite mode)
  P5 "Empty Project" (multi-suite, one suite with no cases)

The drift between P1 and P2 and between P3 and P4 is listed in Fixtures/demo/README.md; tests assert it.
Deterministic: no randomness, stable ids. Run: python3 scripts/make-demo-fixtures.py
"""
import copy
import json
import os

ids = {"suite": 0, "section": 0, "case": 0}


def next_id(kind):
    ids[kind] += 1
    return ids[kind]


projects, suites, sections, cases = [], [], [], []


def project(pid, name, mode):
    projects.append({"id": pid, "name": name, "announcement": None, "show_announcement": False,
                     "is_completed": False, "completed_on": None, "suite_mode": mode,
                     "url": f"index.php?/projects/overview/{pid}"})


def suite(pid, name, master=False):
    sid = next_id("suite")
    suites.append({"id": sid, "name": name, "project_id": pid, "description": None, "is_master": master,
                   "is_baseline": False, "is_completed": False, "completed_on": None,
                   "url": f"index.php?/suites/view/{sid}"})
    return sid


def section(sid, name, parent=None, order=1):
    secid = next_id("section")
    depth = 0 if parent is None else next(s["depth"] for s in sections if s["id"] == parent) + 1
    sections.append({"id": secid, "suite_id": sid, "name": name, "description": None, "parent_id": parent,
                     "depth": depth, "display_order": order})
    return secid


def case(sid, secid, title, type_id=6, priority_id=2, refs=None, estimate=None, preconds=None, steps=None,
         automation=None, order=0):
    cid = next_id("case")
    cases.append({
        "id": cid, "title": title, "section_id": secid, "suite_id": sid, "template_id": 2, "type_id": type_id,
        "priority_id": priority_id, "milestone_id": None, "refs": refs, "created_by": 1,
        "created_on": 1735689600 + cid * 60, "updated_by": 1, "updated_on": 1735689600 + cid * 60,
        "estimate": estimate, "estimate_forecast": None, "display_order": order or cid, "is_deleted": 0,
        "custom_preconds": preconds, "custom_steps_separated": steps or [],
        "custom_automation_id": automation,
    })
    return cid


def steps(*pairs):
    return [{"content": c, "expected": e, "additional_info": None, "refs": None} for c, e in pairs]


# ---- P1 Storefront (source) -------------------------------------------------------------------------------
STOREFRONT_SOURCE = {
    "Checkout": {
        "Cart": [
            ("Add a product to the cart", {"priority_id": 3, "refs": "SHOP-101"}),
            ("Remove a product from the cart", {}),
            ("Change the quantity of a cart line", {"estimate": "2m"}),
            ("Cart survives a page reload", {"refs": "SHOP-118"}),
        ],
        "Cart > Coupons": [
            ("Apply a valid coupon", {"priority_id": 3, "preconds": "<p>A coupon that is <b>valid</b> today.</p>"}),
            ("Reject an expired coupon", {"priority_id": 3, "refs": "SHOP-140"}),
            ("Stack two coupons", {"priority_id": 1}),
        ],
        "Payment": [
            ("Pay by credit card", {"priority_id": 4, "steps": steps(("Enter a valid card", "Card accepted"),
                                                                     ("Confirm the order", "Order confirmed"))}),
            ("Pay by PayPal", {"priority_id": 3}),
            ("Decline a card with insufficient funds", {"priority_id": 4}),
            ("3-D Secure challenge succeeds", {"priority_id": 3}),
        ],
        "Payment > Refunds": [
            ("Full refund to the original card", {"priority_id": 3}),
            ("Partial refund", {"priority_id": 2}),
        ],
        "Shipping": [
            ("Choose express shipping", {}),
            ("Ship to a PO box", {"priority_id": 1}),
            ("Legacy fax confirmation", {"priority_id": 1}),
        ],
    },
    "Accounts": {
        "Sign-up": [
            ("Sign up with e-mail", {"priority_id": 4}),
            ("Sign up with an e-mail already in use", {"priority_id": 3}),
            ("Password strength meter", {"type_id": 12}),
        ],
        "Sign-in": [
            ("Sign in with the right password", {"priority_id": 4}),
            ("Lock the account after five failed sign-ins", {"priority_id": 4, "type_id": 10}),
            ("Sign in with Google", {"preconds": "<p>A Google account <b>without</b> 2FA.</p>"}),
        ],
        "Profile": [
            ("Change the display name", {}),
            ("Upload an avatar", {"priority_id": 1}),
            ("Delete the account", {"priority_id": 3}),
        ],
    },
    "Search": {
        "Basics": [
            ("Search by product name", {"priority_id": 4}),
            ("Search with no results", {}),
            ("Search for caf\u00e9 finds accented names", {}),
            ("Search suggestions appear after two letters", {}),
        ],
        "Filters": [
            ("Filter by price range", {}),
            ("Filter by brand", {}),
            ("Clear all filters", {"priority_id": 1}),
        ],
    },
    "Legacy Reports": {
        "Exports": [
            ("Export orders to CSV", {}),
            ("Export orders to XLS", {"priority_id": 1}),
        ],
    },
}


def build_storefront(pid, spec, regression_count, regression_changes):
    """Creates the suites of spec under project pid, plus a large 'Regression Pack' suite."""
    for suite_name, tree in spec.items():
        sid = suite(pid, suite_name)
        section_ids = {}
        for order, path in enumerate(tree, start=1):
            parts = path.split(" > ")
            parent = section_ids.get(" > ".join(parts[:-1])) if len(parts) > 1 else None
            section_ids[path] = section(sid, parts[-1], parent, order)
            for title, fields in tree[path]:
                fields = dict(fields)
                case(sid, section_ids[path], title, **fields)
    # The Regression Pack: more than one page (250) of cases, so pagination is visible in the demo.
    sid = suite(pid, "Regression Pack")
    areas = [section(sid, name, None, order) for order, name in enumerate(["Web", "API", "Mobile web"], 1)]
    for n in range(1, regression_count + 1):
        fields = {"priority_id": 1 + n % 4, "automation": f"regression.{n:03d}"}
        fields.update(regression_changes.get(n, {}))
        case(sid, areas[n % 3], f"Regression check {n:03d}", **fields)


project(1, "Storefront", 3)
build_storefront(1, STOREFRONT_SOURCE, 260, {})

# ---- P2 Storefront (migrated): the same, with drift -------------------------------------------------------
migrated = copy.deepcopy(STOREFRONT_SOURCE)
checkout = migrated["Checkout"]
# changed: priority High -> Medium
checkout["Cart > Coupons"][1] = ("Reject an expired coupon", {"priority_id": 2, "refs": "SHOP-140"})
# changed: the second step's expected result
checkout["Payment"][0] = ("Pay by credit card", {"priority_id": 4, "steps": steps(
    ("Enter a valid card", "Card accepted"), ("Confirm the order", "Order confirmed and e-mailed"))})
# changed: refs edited
checkout["Cart"][3] = ("Cart survives a page reload", {"refs": "SHOP-118, SHOP-119"})
# removed: the fax case
checkout["Shipping"] = [c for c in checkout["Shipping"] if c[0] != "Legacy fax confirmation"]
# added: two new cases
checkout["Shipping"].append(("Choose click-and-collect", {"priority_id": 3}))
checkout["Cart > Coupons"].append(("Coupon code is case-insensitive", {}))
# moved: partial refund moved from Refunds up to Payment
checkout["Payment > Refunds"] = [c for c in checkout["Payment > Refunds"] if c[0] != "Partial refund"]
checkout["Payment"].append(("Partial refund", {"priority_id": 2}))
accounts = migrated["Accounts"]
# changed: type Usability (12) -> Functional (6)
accounts["Sign-up"][2] = ("Password strength meter", {"type_id": 6})
# changed: preconditions HTML edited
accounts["Sign-in"][2] = ("Sign in with Google", {"preconds": "<p>A Google account <b>with</b> 2FA.</p>"})
# renamed: "e-mail" became "email" in the title (same section, similar title)
accounts["Sign-up"][0] = ("Sign up with email", {"priority_id": 4})
# not drift: the same preconditions in other markup (compared as text)
checkout["Cart > Coupons"][0] = ("Apply a valid coupon", {
    "priority_id": 3, "preconds": "<div>A coupon that is&nbsp;<strong>valid</strong>  today.</div>"})
# not drift: the same title in decomposed Unicode (NFD); compared in NFC
migrated["Search"]["Basics"][2] = ("Search for cafe\u0301 finds accented names", {})
# duplicate title: a second "Upload an avatar" in Profile (added)
accounts["Profile"].append(("Upload an avatar", {"priority_id": 1}))
# removed suite: Legacy Reports is not migrated
del migrated["Legacy Reports"]
# added suite: Accessibility
migrated["Accessibility"] = {"Keyboard": [("Checkout works with the keyboard only", {"type_id": 2}),
                                          ("Focus is visible on every control", {"type_id": 2})]}
project(2, "Storefront (migrated)", 3)
# Regression Pack: 261 cases (one added), case 042 has a new estimate
build_storefront(2, migrated, 261, {42: {"estimate": "5m"}})

# ---- P3/P4 Mobile App, single-suite mode ------------------------------------------------------------------
MOBILE = [
    ("Launch", ["Cold start under two seconds", "Resume from background", "Launch offline"]),
    ("Login", ["Login with Face ID", "Login with a PIN", "Forgot PIN flow"]),
    ("Orders", ["List past orders", "Reorder a past order", "Track a parcel", "Cancel an open order"]),
    ("Settings", ["Toggle push notifications", "Switch to dark mode", "Change the language"]),
]


def build_mobile(pid, name, drop=(), priorities=None, extra=()):
    project(pid, name, 1)
    sid = suite(pid, "Master", master=True)
    for order, (sec_name, titles) in enumerate(MOBILE, 1):
        secid = section(sid, sec_name, None, order)
        for title in titles:
            if title in drop:
                continue
            case(sid, secid, title, priority_id=(priorities or {}).get(title, 2))
        for sec, title in extra:
            if sec == sec_name:
                case(sid, secid, title)


build_mobile(3, "Mobile App")
build_mobile(4, "Mobile App (copy)", drop={"Launch offline"}, priorities={"Track a parcel": 4},
             extra=[("Settings", "Export diagnostics")])

# ---- P5: an empty suite -----------------------------------------------------------------------------------
project(5, "Empty Project", 3)
suite(5, "Nothing here yet")

out = {"projects": projects, "suites": suites, "sections": sections, "cases": cases,
       "case_fields": [
           {"id": 1, "system_name": "custom_preconds", "name": "preconds", "label": "Preconditions", "type_id": 3,
            "is_active": True, "configs": []},
           {"id": 2, "system_name": "custom_steps_separated", "name": "steps_separated", "label": "Steps",
            "type_id": 10, "is_active": True, "configs": []},
           {"id": 3, "system_name": "custom_automation_id", "name": "automation_id", "label": "Automation ID",
            "type_id": 1, "is_active": True, "configs": []},
       ]}
path = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "demo", "instance.json")
with open(path, "w") as handle:
    json.dump(out, handle, indent=1, sort_keys=True)
    handle.write("\n")
print(f"wrote {os.path.normpath(path)}: {len(projects)} projects, {len(suites)} suites, {len(cases)} cases")
