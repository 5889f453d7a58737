#!/usr/bin/env python3
"""Writes Fixtures/migration/: a TestRail Server instance, its migrated copy on TestRail Cloud, and the drift planted
between the two.

  server.json   TestRail Server 9.x (on-premise): project 12 "Storefront" (suite mode 3) and project 7 "Intranet"
  cloud.json    TestRail Cloud: project 3 "Storefront" (the migrated copy, suite mode 3) and project 4 "Sandbox"
  planted.json  the test oracle: every Storefront case that must compare as changed, added or removed, and which
                compared fields differ; every other Storefront case must compare unchanged. `resources`: the same for
                the project's suites, sections, shared step sets, case fields and templates
  README.md     what the pair is, how to regenerate, the planted drift and every difference that is NOT drift

The content is written once, without ids (CONTENT below). Each instance is rendered from it with its own ids and its
own representation (Server inlines shared steps, Cloud keeps a reference; Cloud stores some preconditions as HTML;
other option ids, option order, refs spacing, ...). The drift is applied to the Cloud copy of the content only.
A self-check re-reads both rendered instances through their own lookup tables and asserts that exactly the planted
fields differ.

Deterministic: no randomness, Python 3 standard library only. Run: python3 scripts/make-migration-fixtures.py
"""
import copy
import html
import json
import os
import re
import uuid

OUT_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "migration"))

# =================================================================================================================
# Shared content (names only, no ids)
# =================================================================================================================

USERS = [  # key, name, email, active, role
    ("maria", "Maria Jensen", "maria.jensen@storefront.example", True, "Lead"),
    ("tom", "Tom Okafor", "tom.okafor@storefront.example", True, "Tester"),
    ("priya", "Priya Raman", "priya.raman@storefront.example", True, "Tester"),
    ("lukas", "Lukas Becker", "lukas.becker@storefront.example", False, "Tester"),
    ("sofia", "Sofia Alvarez", "sofia.alvarez@storefront.example", True, "Designer"),
]
ACTIVE_OWNERS = ["maria", "tom", "priya", "sofia"]

CASE_TYPES = ["Acceptance", "Accessibility", "Automated", "Compatibility", "Destructive", "Functional", "Other",
              "Performance", "Regression", "Security", "Smoke & Sanity", "Usability"]
PRIORITIES = [("Low", "1 - Low"), ("Medium", "2 - Medium"), ("High", "3 - High"), ("Critical", "4 - Critical")]
TEMPLATES = ["Test Case (Text)", "Test Case (Steps)", "Exploratory Session"]
TEXT, STEPS, EXPLORATORY = TEMPLATES
LEGACY_TEMPLATE = "Test Case (Legacy)"  # Server project 12 only, used by no case (not migrated)
LABELS = ["smoke", "regression", "checkout"]
PLATFORMS = ["Web", "iOS", "Android", "Desktop"]
AUTOMATION = ["None", "Manual", "Automated"]

# name, parent, description, completed, due_on
MILESTONES = [
    ("Release 2024.1", None, "Spring release: new checkout.", True, 1714521600),
    ("Release 2024.2", None, "Autumn release: accounts and search.", False, 1730419200),
    ("2024.2 Beta", "Release 2024.2", "Beta for selected customers.", False, 1727740800),
]

# Shared step sets of the Storefront project: title -> steps (content, expected, additional_info, refs)
SHARED_SETS = {
    "Sign in as a customer": [
        ("Open the storefront and click **Sign in** in the header", "The sign-in form is shown", None, None),
        ("Sign in with `<customer_email>` and `<password>` from the test data sheet",
         "You are redirected to the home page, signed in", None, "JIRA-12"),
        ("Open the account menu", "The menu greets the customer: **Hello, <first_name>**", None, None),
    ],
    "Add a product to the cart": [
        ("Open the product page of `<sku>`", "Price, stock level and **Add to cart** are shown", None, None),
        ("Click **Add to cart**", "The mini-cart opens and shows **1 item**", None, None),
    ],
    # Server only (not migrated), used by no case
    "Empty the cart": [
        ("Open the cart page", "Every cart line is listed", None, None),
        ("Click **Remove** on each line", "The page says **Your cart is empty** and the mini-cart shows **0 items**",
         None, None),
    ],
}
SIGN_IN, ADD_TO_CART = "@Sign in as a customer", "@Add a product to the cart"

CONTENT = {}  # suite -> list of (section path, [case spec, ...]); filled below
CASES = []    # every case spec, in order
_section = None


def suite(name):
    CONTENT[name] = []


def section(path):
    global _section
    suite_name = list(CONTENT)[-1]
    _section = (suite_name, path)
    CONTENT[suite_name].append((path, []))


def case(title, *, template=STEPS, type="Functional", priority="Medium", refs=(), estimate=None, preconds=None,
         steps=None, text_steps=None, text_expected=None, automation=None, automation_id=None, platforms=None,
         owner=None, milestone="", release="", regression=None, labels=(), only=None):
    """One Storefront case, as both instances mean it. `only` is "server" or "cloud" for a case on one side."""
    k = len(CASES)
    if automation is None:
        automation = ["Manual", "Manual", "Automated", "None", "Manual"][k % 5]
    if automation == "Automated" and automation_id is None:
        automation_id = f"AUTO-{200 + 7 * k}"
    spec = {
        "suite": _section[0], "section": _section[1], "title": title, "template": template, "type": type,
        "priority": priority, "refs": list(refs), "estimate": estimate, "preconds": preconds,
        "steps": steps if template == STEPS else None,
        "text_steps": text_steps, "text_expected": text_expected,
        "automation": automation, "automation_id": automation_id,
        "platforms": platforms if platforms is not None else
        [["Web"], ["Web", "iOS", "Android"], ["Web", "Desktop"], ["Web"], ["iOS", "Android"], ["Web", "iOS"]][k % 6],
        "owner": owner or ACTIVE_OWNERS[k % 4],
        "milestone": milestone if milestone != "" else ["Release 2024.1", "Release 2024.2", None, "2024.2 Beta"][k % 4],
        "release": release if release != "" else [None, "Release 2024.2", "2024.2 Beta"][k % 3],
        "regression": regression if regression is not None else k % 3 == 0,
        "labels": list(labels), "only": only, "k": k,
    }
    if template == STEPS:
        assert steps, title
    CASES.append(spec)
    CONTENT[_section[0]][-1][1].append(spec)


def embed(n):
    """An embedded attachment; its id is rendered as an integer on Server and as a UUID on Cloud."""
    return "![](index.php?/attachments/get/{att:%d})" % n


# ---- Checkout -----------------------------------------------------------------------------------------------------
suite("Checkout")
section("Cart")
case("Add a product to the cart from the product page", priority="High", labels=["smoke", "checkout"],
     refs=["JIRA-101", "JIRA-102"], preconds="The cart is empty.",
     steps=[ADD_TO_CART, ("Open the mini-cart", "The product is listed with quantity 1 and its price")])
case("Add the same product twice increases the quantity", refs=["JIRA-103"],
     steps=[("Open the product page of `<sku>`", "The product page is shown"),
            ("Click **Add to cart** twice", "The cart shows **one** line with quantity 2"),
            ("Open the cart page", "Line total is 2 × the unit price")])
case("Remove a line from the cart", preconds="The cart holds two different products.",
     steps=[("Open the cart page", "Both lines are listed"),
            ("Click **Remove** on the first line", "The line disappears and the subtotal is recalculated"),
            ("Reload the page", "Only the second line is listed")])
case("Change a line's quantity with the stepper", estimate="3m",
     steps=[("Open the cart page with one line", "The quantity stepper shows 1"),
            ("Click **+** three times", "The quantity is 4 and the line total updates without a page reload"),
            ("Click **−** once", "The quantity is 3")])
case("Cart shows the subtotal, tax and total", priority="High", labels=["checkout"],
     preconds="Tax rate for the test region: **20 %**.",
     steps=[("Add `<sku>` (price 10.00) to the cart", "The item is in the cart"),
            ("Open the cart page", "The summary shows:\n- Subtotal 10.00\n- Tax 2.00\n- **Total 12.00**")])
case("Cart survives a page reload", preconds="The cart is empty.", refs=["JIRA-118"],
     steps=[ADD_TO_CART, ("Reload the page with **F5**", "The mini-cart still shows **1 item**")])
case("Cart is merged after signing in", priority="High", labels=["checkout"], refs=["JIRA-120", "JIRA-121"],
     preconds="The customer account already holds one product in its saved cart.",
     steps=[ADD_TO_CART, SIGN_IN,
            ("Open the cart page", "Both products are listed: the saved one and the one added as a guest")])
case("Out-of-stock product cannot be added", template=TEXT, type="Destructive",
     preconds="Product `<sku>` has stock level 0.",
     text_steps="1. Open the product page of `<sku>`\n2. Look at the **Add to cart** button",
     text_expected="The button is disabled and the page says **Out of stock**.")
case("Maximum quantity per line is 10", type="Destructive", estimate="2m",
     steps=[("Open the cart page with one line", "The quantity stepper shows 1"),
            ("Type **11** into the quantity field and press Enter", "The quantity is reset to 10"),
            ("Look below the line", "A hint says *At most 10 per order*")])
section("Cart > Coupons")
case("Apply a valid percentage coupon", priority="High", labels=["smoke", "checkout"],
     preconds="Coupon `SAVE10` gives 10 % off and is valid today.",
     steps=[("Enter `SAVE10` in the coupon field and click **Apply**", "The coupon is shown as applied"),
            ("Look at the cart summary", "A discount line shows −10 % of the subtotal")])
case("Apply a fixed-amount coupon",
     steps=[("Enter `<coupon_code>` (5.00 off) and click **Apply**", "The coupon is shown as applied"),
            ("Look at the cart summary", "A discount line shows −5.00")])
case("Reject an expired coupon", priority="High", refs=["JIRA-140"],
     preconds="Coupon `SPRING23` expired yesterday.",
     steps=[("Enter `SPRING23` and click **Apply**", "The error **This coupon has expired** is shown"),
            ("Look at the cart summary", "No discount line is shown")])
case("Coupon code is case-insensitive", automation="Manual", automation_id="AUTO-311",
     steps=[("Enter `save10` in lower case and click **Apply**", "The coupon is applied"),
            ("Remove it and enter `Save10`", "The coupon is applied again")])
case("Only one coupon per order", type="Destructive",
     steps=[("Apply `SAVE10`", "The coupon is applied"),
            ("Apply `<coupon_code>` as well", "The error **Only one coupon per order** is shown")])
case("Remove an applied coupon",
     steps=[("Apply `SAVE10`", "The coupon is applied"),
            ("Click the **×** next to the coupon", "The discount line disappears and the total is restored")])
section("Payment")
case("Pay by credit card", priority="Critical", labels=["smoke", "checkout"], refs=["JIRA-150"],
     preconds="Test card numbers are listed in the **Payments** test data sheet.",
     steps=[("Go to checkout with one product in the cart", "The payment step is shown"),
            ("Enter card `<card_number>`, expiry `<expiry>` and CVC `<cvc>`", "The card brand logo is shown"),
            ("Click **Place order**", "The order confirmation page shows `<order_number>`")])
case("Pay with PayPal", priority="High",
     steps=[("Choose **PayPal** in the payment step", "You are redirected to the PayPal sandbox"),
            ("Sign in with `<paypal_buyer>` and approve", "You return to the order confirmation page")])
case("Card declined for insufficient funds", type="Destructive", priority="High",
     steps=[("Pay with the card `4000 0000 0000 9995`", "The payment is declined"),
            ("Look at the payment step",
             "The message **Your card has insufficient funds** is shown; the cart is kept")])
case("3-D Secure challenge succeeds", priority="High", refs=["JIRA-155"],
     steps=[("Pay with the 3-D Secure test card `4000 0027 6000 3184`", "The bank challenge opens in a modal:\n\n"
             + embed(1)),
            ("Click **Complete authentication**", "The order is placed")])
case("3-D Secure challenge is cancelled", type="Destructive",
     steps=[("Pay with the 3-D Secure test card", "The bank challenge opens"),
            ("Click **Fail authentication**", "The payment step shows **Authentication failed**; no order is placed")])
case("Saved card is offered to a signed-in customer", priority="High", labels=["checkout"],
     preconds="The customer has a saved Visa card ending in 4242.",
     steps=[SIGN_IN, ("Go to checkout with one product in the cart", "The payment step is shown"),
            ("Look at the payment methods", "**Visa •••• 4242** is preselected")])
case("Pay by bank transfer (SEPA)", only="server",
     steps=[("Choose **Bank transfer** in the payment step", "The IBAN of the shop and a reference are shown"),
            ("Click **Place order**", "The order status is **Awaiting payment**")])
case("Express checkout with Apple Pay", only="cloud", platforms=["iOS"], priority="High",
     preconds="Safari on an iPhone with a card in Wallet.",
     steps=[("Tap **Buy with Apple Pay** on the product page", "The Apple Pay sheet opens"),
            ("Confirm with Face ID", "The order confirmation page is shown")])
case("Card expiry date in the past is rejected", type="Destructive",
     steps=[("Enter a valid card number and the expiry `01/20`", "The field is marked invalid"),
            ("Click **Place order**", "The message **Check the expiry date** is shown")])
case("Order confirmation e-mail is sent", refs=["JIRA-160", "JIRA-161", "JIRA-162"],
     steps=[("Place an order as `<email>`", "The confirmation page shows `<order_number>`"),
            ("Open the inbox of `<email>` in the mail catcher",
             "The e-mail **Your order <order_number>** arrived within a minute")])
section("Shipping")
case("Choose standard shipping", labels=["checkout"],
     steps=[("Go to the shipping step", "Standard, Express and Click & Collect are offered"),
            ("Choose **Standard**", "The cost is 4.95 and delivery in 3–5 working days")])
case("Choose express shipping",
     steps=[("Go to the shipping step", "The shipping options are shown"),
            ("Choose **Express**", "The cost is 9.95 and delivery is *next working day*")])
case("Free shipping above the threshold", refs=["JIRA-170", "JIRA-171"],
     preconds="Free shipping starts at a subtotal of 50.00.",
     steps=[("Add products for 49.99", "Standard shipping costs 4.95"),
            ("Add one more product", "Standard shipping is **free**")])
case("Ship to a new address",
     steps=[("Click **Add a new address** in the shipping step", "The address form opens"),
            ("Fill in `<street>`, `<zip>` and `<city>` and save", "The new address is selected")])
case("Ship to a PO box is rejected for courier delivery", type="Destructive",
     steps=[("Enter `PO Box 123` as the street", "The address is accepted"),
            ("Choose **Express** (courier)", "The message **Couriers cannot deliver to PO boxes** is shown")])
case("Shipping cost updates when the country changes", estimate="5m",
     steps=[("Choose **Germany** as the country", "Standard shipping costs 4.95"),
            ("Change the country to **Switzerland**", "Standard shipping costs 14.95 and customs are mentioned")])
case("Checkout as a guest", priority="High", labels=["smoke"],
     steps=[ADD_TO_CART, ("Click **Checkout** and choose **Continue as guest**", "The address step is shown"),
            ("Finish the order with `<email>`", "The confirmation page offers to create an account")])

# ---- Accounts -----------------------------------------------------------------------------------------------------
suite("Accounts")
section("Sign-up")
case("Sign up with e-mail and password", priority="Critical", labels=["smoke"], refs=["JIRA-201"],
     steps=[("Open **Create account**", "The sign-up form is shown"),
            ("Enter `<email>` and `<password>` and submit", "The page **Check your inbox** is shown")])
case("Sign up with an e-mail already in use", type="Destructive",
     steps=[("Sign up with the e-mail of an existing account", "The form is not submitted"),
            ("Look at the e-mail field", "It says **An account with this e-mail already exists**")])
case("Password must have at least 12 characters", template=TEXT, type="Security", priority="High",
     text_steps="1. Open **Create account**\n2. Enter an 11-character password",
     text_expected="The password field is marked invalid and **Create account** stays disabled.")
case("Password strength meter reacts while typing", type="Usability",
     steps=[("Type `abc` into the password field", "The meter shows **Weak** in red"),
            ("Continue to `abc-Def-123-ghi`", "The meter shows **Strong** in green")])
case("Confirmation e-mail link activates the account", priority="High", refs=["JIRA-205", "JIRA-206"],
     preconds="Sample e-mail:\n\n" + embed(2),
     steps=[("Sign up as `<email>`", "A confirmation e-mail is sent"),
            ("Click the link in the e-mail", "The account is active and signed in")])
case("Expired confirmation link shows a resend option", type="Destructive",
     preconds="A confirmation link older than 48 hours.",
     steps=[("Open the expired link", "The page says **This link has expired**"),
            ("Click **Send a new link**", "A new e-mail is sent to `<email>`")])
case("Marketing opt-in is unchecked by default", template=TEXT, type="Acceptance", refs=["JIRA-210"],
     text_steps="1. Open **Create account**\n2. Look at the newsletter checkbox",
     text_expected="The checkbox is **unchecked**.")
case("Sign-up form is usable with a screen reader", template=EXPLORATORY, type="Accessibility",
     estimate="30m",
     preconds="**Charter:** explore the sign-up form with VoiceOver and NVDA.\n\n"
              "- every field has a label\n- errors are announced\n- the focus order follows the layout")
section("Sign-in")
case("Sign in with the correct password", priority="Critical", labels=["smoke"],
     steps=[("Open the sign-in page", "The sign-in form is shown"),
            ("Enter `<email>` and `<password>` and click **Sign in**", "The account menu shows the first name")])
case("Sign in with the e-mail address in upper case", refs=["JIRA-220"],
     steps=[("Open the sign-in page", "The sign-in form is shown"),
            ("Enter <email> in the sign-in form", "The address is accepted",
             "Use the upper-case form of the address, e.g. `JANE.DOE@EXAMPLE.COM`", None),
            ("Enter the password and click **Sign in**", "The customer is signed in")])
case("Wrong password shows a generic error", type="Security",
     steps=[("Enter `<email>` and a wrong password", "The form is not submitted"),
            ("Read the error", "It says **E-mail or password is wrong** (it does not say which)")])
case("Account is locked after five failed attempts", type="Security", priority="High", refs=["JIRA-225"],
     labels=["regression"],
     steps=[("Enter a wrong password five times", "The fifth attempt shows **Account locked**"),
            ("Enter the right password", "The account stays locked for 15 minutes")])
case("Sign in with Google", preconds="A Google account without two-factor authentication.",
     steps=[("Click **Continue with Google**", "The Google consent screen opens"),
            ("Choose `<google_account>`", "You return signed in")])
case("Sign in with Apple", platforms=["iOS", "Web"],
     steps=[("Click **Continue with Apple**", "The Apple sign-in sheet opens"),
            ("Choose **Hide my e-mail**", "You return signed in with a relay address")])
case("Remember me keeps the session for 30 days",
     steps=[("Sign in with **Remember me** checked", "The customer is signed in"),
            ("Close the browser and open the shop again", "The customer is still signed in")])
case("Forgotten password e-mail contains a one-time link", priority="High",
     steps=[("Click **Forgot password?** and enter `<email>`", "A reset e-mail is sent"),
            ("Open the link twice", "The second time the page says **This link was already used**")])
section("Sign-in > Two-factor authentication")
case("Enable 2FA with an authenticator app", priority="High", refs=["JIRA-230"],
     steps=[("Open **Security** and click **Enable two-factor authentication**", "A QR code is shown:\n\n"
             + embed(3)),
            ("Scan it and enter the 6-digit `<totp_code>`", "2FA is enabled and recovery codes are offered")])
case("Sign in with a valid TOTP code", priority="High",
     steps=[("Sign in with `<email>` and `<password>`", "The code prompt is shown"),
            ("Enter the current `<totp_code>`", "The customer is signed in")])
case("Reject a reused TOTP code", type="Security",
     steps=[("Sign in with a valid code", "The customer is signed in"),
            ("Sign out and sign in again with the same code", "The code is rejected")])
case("Recovery codes can be downloaded once", owner="lukas", type="Security",
     steps=[("Click **Download recovery codes**", "A text file with 10 codes is downloaded"),
            ("Reload the page", "The download button is gone")])
case("Disable 2FA requires the password", type="Security",
     steps=[("Click **Disable two-factor authentication**", "The password prompt is shown"),
            ("Enter the password", "2FA is disabled and an e-mail is sent")])
section("Profile")
case("Change the display name", labels=["smoke"],
     steps=[SIGN_IN, ("Open **Profile** and change the display name to `<display_name>`", "The change is saved"),
            ("Reload the page", "The header greets **<display_name>**")])
case("Change the password", priority="High", type="Security",
     steps=[SIGN_IN, ("Open **Security** and enter the old and a new password", "The password is changed"),
            ("Sign out and sign in with the new password", "The customer is signed in")])
case("Upload an avatar", owner="priya", platforms=["Web", "iOS"],
     preconds="A square JPEG of 1 MB:\n\n" + embed(4),
     steps=[("Open **Profile** and click **Upload avatar**", "The file picker opens"),
            ("Choose the JPEG", "The avatar is shown in the header")])
case("Avatar larger than 5 MB is rejected", type="Destructive",
     steps=[("Upload a 6 MB PNG as the avatar", "The upload is refused"),
            ("Read the message", "It says **Images up to 5 MB**")])
case("Add a second shipping address", preconds="The customer <email> already has one saved address.",
     steps=[("Open **Addresses** and click **Add address**", "The address form opens"),
            ("Save a second address", "Both addresses are listed; the first stays the default")])
case("Delete a saved address",
     steps=[("Open **Addresses** and click **Delete** on the second address", "A confirmation dialog opens"),
            ("Confirm", "Only the default address is listed")])
case("Download my personal data (GDPR export)", template=TEXT, type="Acceptance", refs=["JIRA-240", "JIRA-241"],
     text_steps="1. Open **Privacy**\n2. Click **Download my data**\n3. Open the e-mail sent to `<email>`",
     text_expected="The e-mail links to a ZIP with `profile.json`, `orders.csv` and `addresses.csv`.")
case("Delete the account", priority="High", type="Destructive",
     steps=[("Open **Privacy** and click **Delete account**", "The password prompt is shown"),
            ("Enter the password and confirm", "The customer is signed out and cannot sign in again")])
case("Changing the e-mail address requires re-confirmation", type="Security",
     steps=[("Change the e-mail address to `<new_email>`", "A confirmation e-mail is sent to `<new_email>`"),
            ("Sign in before confirming", "The old address still works")])

# ---- Search -------------------------------------------------------------------------------------------------------
suite("Search")
section("Basics")
case("Search by product name", priority="Critical", labels=["smoke"], refs=["JIRA-301"],
     steps=[("Type `running shoe` into the search field and press Enter", "The results page opens"),
            ("Look at the first results", "Products with **running shoe** in the name come first")])
case("Search by SKU", steps=[("Search for `<sku>`", "Exactly one product is found"),
                             ("Open it", "The product page of `<sku>` is shown")])
case("Search with no results shows suggestions", preconds="No product matches `xyzzy`.",
     steps=[("Search for `xyzzy`", "The page says **No results for xyzzy**"),
            ("Look below the message", "Popular categories are suggested")])
case("Leading and trailing spaces are ignored",
     steps=[("Search for `  boots  `", "The results equal those for `boots`")])
case("Accented and unaccented spellings match", refs=["JIRA-305", "JIRA-306"],
     steps=[("Search for `café`", "The *Café au lait mug* is found"),
            ("Search for `cafe`", "The same product is found")])
case("Search with a typo still finds the product", template=EXPLORATORY, type="Usability", estimate="20m",
     preconds="**Charter:** explore typo tolerance with 1–2 wrong letters, swapped letters and missing spaces.")
case("Results are paginated with 24 per page", estimate="2m",
     steps=[("Search for `shirt` (more than 24 results)", "24 results and a pager are shown"),
            ("Click **Next**", "Results 25–48 are shown")])
case("Search by brand name",
     steps=[("Search for `<brand>`", "Every result is a product of `<brand>`")])
case("Query is kept after going back",
     steps=[("Search for `jacket` and open a result", "The product page is shown"),
            ("Click the browser's **Back** button", "The search field still holds `jacket`")])
case("Special characters in the query are escaped", type="Security", priority="High",
     steps=[("Search for `<script>alert(1)</script>`", "No dialog opens"),
            ("Look at the results heading", "The query is shown literally")])
case("Empty query does nothing", template=TEXT, type="Destructive", priority="Low",
     text_steps="1. Focus the search field\n2. Press Enter without typing",
     text_expected="The page does not change.")
section("Basics > Suggestions")
case("Suggestions appear after two letters", platforms=["Web", "iOS"], refs=["JIRA-320"],
     steps=[("Type `r` into the search field", "No suggestions are shown"),
            ("Type `u`", "Up to eight suggestions starting with **ru** are shown")])
case("Suggestions include categories",
     steps=[("Type `sho`", "The suggestions list products and, on top, the category **Shoes**")])
case("Select a suggestion with the keyboard", type="Accessibility",
     steps=[("Type `sho` and press **Arrow down** twice", "The second suggestion is highlighted"),
            ("Press **Enter**", "The highlighted product opens")])
case("Recent searches are shown when the field is focused",
     preconds="The customer searched for `boots` and `jacket` before.",
     steps=[("Click into the empty search field", "**Recent searches** lists `jacket` and `boots`")])
case("Clear the recent searches",
     steps=[("Focus the empty search field", "Recent searches are listed"),
            ("Click **Clear**", "The list is empty")])
case("Suggestions are hidden on Escape", type="Accessibility",
     steps=[("Type `sho`", "Suggestions are shown"), ("Press **Escape**", "Suggestions are hidden; the text stays")])
case("Suggestions load within 300 ms", type="Performance", priority="High",
     preconds="Measured on the staging environment, warm cache.",
     steps=[("Type `ru` and measure until the suggestions are painted", "The 95th percentile is below **300 ms**")])
section("Filters")
case("Filter by price range", labels=["smoke"],
     steps=[("Search for `shoe` and set the price filter to 50–100", "Every result costs between 50 and 100"),
            ("Look at the filter chip", "It shows **50–100**")])
case("Filter by brand", labels=["smoke", "regression"],
     steps=[("Tick `<brand>` in the brand filter", "Only products of `<brand>` are listed")])
case("Filter by rating of 4 stars and up",
     steps=[("Choose **4 stars & up**", "Every result has an average rating of at least 4.0")])
case("Combine two filters", refs=["JIRA-340", "JIRA-341"],
     steps=[("Filter by brand `<brand>`", "The results are reduced"),
            ("Also filter by price 0–50", "Every result matches both filters")])
case("Clear all filters", priority="Low",
     steps=[("Set two filters", "Two filter chips are shown"), ("Click **Clear all**", "All results are listed again")])
case("Sort by price, low to high",
     steps=[("Choose **Price: low to high**", "Prices are in ascending order"),
            ("Go to page 2", "The first price on page 2 is at least the last price on page 1")])
case("Sort by newest", steps=[("Choose **Newest**", "The products released most recently come first")])
case("Filter counts update after filtering",
     steps=[("Tick a brand", "The counts next to the other filters are recalculated")])
case("Filters are kept in the URL", template=TEXT,
     text_steps="1. Set a brand and a price filter\n2. Copy the URL into a new window",
     text_expected="The same filters are applied and the same results are shown.")
case("Out-of-stock products can be hidden",
     steps=[("Tick **Hide out-of-stock products**", "No result shows **Out of stock**")])
case("Filters panel on mobile opens as a drawer", platforms=["iOS", "Android"], type="Compatibility",
     steps=[("Open the search results on a phone", "A **Filters** button is shown"),
            ("Tap it", "The filters slide in from the bottom as a drawer")])

# ---- Suites and sections --------------------------------------------------------------------------------------------
SUITE_DESCRIPTIONS = {
    "Checkout": "Cart, coupons, payment and shipping of the web shop and the apps.",
    "Accounts": "Sign-up, sign-in (with two-factor authentication) and what a customer can change in My account.",
    "Search": "The search field, suggestions and the filters of the results page.",
}
# Each suite's section tree on Server, depth-first in display order. The sections with cases are CONTENT's (the same on
# both sides); the others are empty.
SERVER_SECTIONS = {
    "Checkout": ["Cart", "Cart > Coupons", "Payment", "Shipping", "Gift cards"],
    "Accounts": ["Sign-up", "Sign-in", "Sign-in > Two-factor authentication", "Profile", "Profile > Data export",
                 "Profile > Linked accounts", "Profile > Newsletter preferences", "Saved addresses"],
    "Search": ["Basics", "Basics > Suggestions", "Filters"],
}
# Section descriptions (Server form, by Server path).
SECTION_DESCRIPTIONS = {
    ("Checkout", "Cart"): "Adding, changing and removing cart lines; the cart summary.",
    ("Checkout", "Cart > Coupons"): "Coupons are set up in **Marketing > Promotions**; `SAVE10` is always valid on "
                                    "staging.",
    ("Checkout", "Payment"): "Card, PayPal and bank transfer payments against the PSP sandbox.",
    ("Checkout", "Shipping"): "Shipping options, costs and delivery addresses.",
    ("Checkout", "Gift cards"): "Gift cards go live with Release 2025.1; no cases yet.",
    ("Accounts", "Sign-in"): "Password, social and two-factor sign-in.",
    ("Accounts", "Profile"): "What a signed-in customer can change in **My account**.",
    ("Accounts", "Profile > Data export"): "The GDPR export of a customer's data; cases to be written.",
    ("Search", "Filters"): "Filters on the results page:\n- price\n- brand\n- rating",
}

# ---- Non-drift disguises (the Cloud side says the same thing differently) -------------------------------------------
# Section descriptions the Cloud 9.8+ rich-text editor re-saved as HTML (the same text).
HTML_SECTION_DESCRIPTIONS = [("Checkout", "Cart"), ("Checkout", "Cart > Coupons"), ("Checkout", "Payment"),
                             ("Accounts", "Sign-in"), ("Accounts", "Profile"), ("Accounts", "Profile > Data export"),
                             ("Search", "Filters")]
# Preconditions the Cloud 9.8+ rich-text editor re-saved as HTML.
HTML_PRECONDS = ["Add a product to the cart from the product page", "Cart survives a page reload",
                 "Remove a line from the cart", "Sign in with Google", "Add a second shipping address"]
# Cases whose Markdown the Cloud 9.8+ editor converted to HTML as a whole: bold, lists and code become tags.
MARKDOWN_AS_HTML = ["Cart shows the subtotal, tax and total", "Apply a fixed-amount coupon"]
# Platforms stored on Cloud in the order opposite to Cloud's own option order.
REORDERED_PLATFORMS = ["Sign in with Apple", "Filters panel on mobile opens as a drawer",
                       "Order confirmation e-mail is sent"]
# refs on Cloud: written reversed and without spaces for every case with more than one ref.

# ---- Planted drift (applied to the Cloud copy only) -----------------------------------------------------------------
DRIFT = [  # suite, title, field, what, change to the cloud spec
    ("Checkout", "Coupon code is case-insensitive", "custom_automation_type",
     "Automation type Manual → Automated", {"automation": "Automated"}),
    ("Search", "Suggestions appear after two letters", "custom_platforms",
     "Platforms {Web, iOS} → {Web, Android}", {"platforms": ["Web", "Android"]}),
    ("Accounts", "Marketing opt-in is unchecked by default", "template",
     "Template Test Case (Text) → Test Case (Steps); every other field equal", {"template": STEPS}),
    ("Accounts", "Sign in with the e-mail address in upper case", "custom_steps_separated",
     "Step 2 content `Enter <email> in the sign-in form` → `Enter <phone> in the sign-in form`", "placeholder"),
    ("Search", "Search by product name", "labels", "Labels {smoke} → {smoke, regression}",
     {"labels": ["smoke", "regression"]}),
    ("Checkout", "Reject an expired coupon", "priority", "Priority High → Critical", {"priority": "Critical"}),
    ("Accounts", "Upload an avatar", "custom_owner", "Owner Priya Raman → Tom Okafor", {"owner": "tom"}),
]
EDITED_SET = "Sign in as a customer"
EDITED_STEP = 1  # index in the set
EDITED_EXPECTED = "You are redirected to **My account**, signed in"


def cloud_spec(spec):
    """The Cloud side's meaning of a case: the Server meaning with the planted drift applied."""
    spec = copy.deepcopy(spec)
    for suite_name, title, _, _, change in DRIFT:
        if (spec["suite"], spec["title"]) != (suite_name, title):
            continue
        if change == "placeholder":
            steps = spec["steps"]
            i = next(i for i, s in enumerate(steps)
                     if isinstance(s, tuple) and s[0] == "Enter <email> in the sign-in form")
            steps[i] = ("Enter <phone> in the sign-in form",) + steps[i][1:]
        else:
            spec.update(change)
    return spec


CLOUD_SETS = copy.deepcopy(SHARED_SETS)
CLOUD_SETS[EDITED_SET][EDITED_STEP] = (CLOUD_SETS[EDITED_SET][EDITED_STEP][0], EDITED_EXPECTED) + \
    CLOUD_SETS[EDITED_SET][EDITED_STEP][2:]
REMOVED_SET = "Empty the cart"
del CLOUD_SETS[REMOVED_SET]

# Resource drift (Cloud only). None of it touches a case: the renamed, moved, added and removed sections are empty;
# the removed set, template, field and option are used by no Storefront case.
CLOUD_SUITE_DESCRIPTIONS = dict(SUITE_DESCRIPTIONS, Accounts=None)  # lost on Cloud
CLOUD_COMPLETED_SUITES = ["Search"]
# Cloud's section trees: "Gift cards" not migrated, "Sorting" added (last among its siblings), "Data export" renamed,
# "Saved addresses" moved under "Profile" (last there, so its rank among its siblings stays 4), "Sign-in" before
# "Sign-up". Every planted section is last among its siblings on its side, so no other section's rank changes.
CLOUD_SECTIONS = {
    "Checkout": ["Cart", "Cart > Coupons", "Payment", "Shipping"],
    "Accounts": ["Sign-in", "Sign-in > Two-factor authentication", "Sign-up", "Profile", "Profile > Data exports",
                 "Profile > Linked accounts", "Profile > Newsletter preferences", "Profile > Saved addresses"],
    "Search": ["Basics", "Basics > Suggestions", "Filters", "Sorting"],
}
CLOUD_SECTION_ORIGIN = {  # Cloud path -> the Server path of the same section, where they differ
    ("Accounts", "Profile > Data exports"): "Profile > Data export",
    ("Accounts", "Profile > Saved addresses"): "Saved addresses",
}
CLOUD_SECTION_DESCRIPTIONS = dict(SECTION_DESCRIPTIONS)
CLOUD_SECTION_DESCRIPTIONS[("Checkout", "Payment")] = "Card, PayPal and Apple Pay payments against the PSP sandbox."
CLOUD_SECTION_DESCRIPTIONS[("Search", "Sorting")] = "Sort orders of the results page."
SMART_TV = "Smart TV"  # a custom_platforms option on Server only, used by no case
CLOUD_FIELD_LABELS = {"custom_target_release": "Target Version"}
LEGACY_FIELD = "custom_legacy_id"  # Server only (global config); null on every Storefront case

RESOURCE_DRIFT = [  # resource, suite, name (left key; right for added), status, fields, detail, only_with_fields
    ("suites", None, "Accounts", "changed", ["description"], "Description lost on Cloud: `" +
     SUITE_DESCRIPTIONS["Accounts"] + "` → none", None),
    ("suites", None, "Search", "changed", ["is_completed"], "Completed on Cloud: is_completed false → true", None),
    ("sections", "Checkout", "Gift cards", "removed", [], "Empty top-level section only on Server (not migrated)",
     None),
    ("sections", "Search", "Sorting", "added", [], "Empty top-level section only on Cloud (created after the "
     "migration)", None),
    ("sections", "Checkout", "Payment", "changed", ["description"], "Description `" +
     SECTION_DESCRIPTIONS[("Checkout", "Payment")] + "` → `" + CLOUD_SECTION_DESCRIPTIONS[("Checkout", "Payment")] +
     "` (Cloud stores it as HTML `<p>…</p>`)", None),
    ("sections", "Accounts", "Profile > Data export", "renamed", ["name"],
     "Empty section renamed `Data export` → `Data exports` (same parent: Profile)", None),
    ("sections", "Accounts", "Saved addresses", "moved", ["parent"],
     "Empty section moved from the top level of Accounts under `Profile` (last among its siblings on both sides)",
     None),
    ("sections", "Accounts", "Sign-up", "changed", ["display_order"],
     "Rank among the top-level sections 1 → 2 (Sign-in and Sign-up swapped on Cloud); only with "
     "`--fields display_order`", ["display_order"]),
    ("sections", "Accounts", "Sign-in", "changed", ["display_order"],
     "Rank among the top-level sections 2 → 1 (Sign-in and Sign-up swapped on Cloud); only with "
     "`--fields display_order`", ["display_order"]),
    ("shared-steps", None, EDITED_SET, "changed", ["custom_steps_separated"],
     f"Step {EDITED_STEP + 1} expected `{SHARED_SETS[EDITED_SET][EDITED_STEP][1]}` → `{EDITED_EXPECTED}` "
     f"(used by {sum(1 for c in CASES if c['steps'] and SIGN_IN in c['steps'])} cases, each a case record)", None),
    ("shared-steps", None, REMOVED_SET, "removed", [], "Set only on Server (not migrated), used by no case", None),
    ("fields", None, "custom_platforms", "changed", ["options"],
     f"Options {{Web, iOS, Android, Desktop, {SMART_TV}}} → {{Web, iOS, Android, Desktop}}: `{SMART_TV}` (used by "
     "no case) not migrated", None),
    ("fields", None, "custom_target_release", "changed", ["label"], "Label `Target Release` → `Target Version`",
     None),
    ("fields", None, LEGACY_FIELD, "removed", [], "String field `Legacy ID` (global config) only on Server; null on "
     "every Storefront case", None),
    ("templates", None, LEGACY_TEMPLATE, "removed", [], "Template only on Server (project 12), used by no case",
     None),
]

# =================================================================================================================
# Instance layouts: every id, per instance
# =================================================================================================================

SERVER = {
    "key": "server", "host": "https://testrail.storefront.internal/",
    "project": 12, "other_project": (7, "Intranet"),
    "suites": {"Checkout": 21, "Accounts": 22, "Search": 24}, "other_suite": 19,
    "section_order": ["Checkout", "Accounts", "Search"], "section_start": 140, "other_sections": [131],
    "case_start": 4801, "other_case_start": 4760,
    "case_types": {name: i + 1 for i, name in enumerate(CASE_TYPES)},
    "case_type_order": CASE_TYPES, "default_type": "Other",
    "priorities": {"Low": 1, "Medium": 2, "High": 3, "Critical": 4},
    "priority_order": ["Low", "Medium", "High", "Critical"],
    "templates": {TEXT: 1, STEPS: 2, EXPLORATORY: 3, LEGACY_TEMPLATE: 4}, "default_template": TEXT,
    "users": {"maria": 1, "tom": 4, "priya": 6, "lukas": 9, "sofia": 11},
    "other_user": (14, "Henrik Dahl", "henrik.dahl@storefront.example"),
    "roles": {"Lead": 4, "Tester": 3, "Designer": 2},
    "milestones": {"Release 2024.1": 31, "Release 2024.2": 35, "2024.2 Beta": 36}, "other_milestone": 33,
    "sets": {"Sign in as a customer": 17, "Add a product to the cart": 18, "Empty the cart": 20}, "other_set": 12,
    "labels": {"smoke": 3, "regression": 8, "checkout": 9}, "other_label": 2,
    "fields": {"custom_preconds": 1, "custom_steps": 2, "custom_expected": 3, "custom_steps_separated": 10,
               "custom_automation_type": 14, "custom_platforms": 17, "custom_owner": 19,
               "custom_target_release": 20, "custom_is_regression": 22, "custom_automation_id": 23,
               LEGACY_FIELD: 25},
    "automation": {"None": 0, "Manual": 1, "Automated": 2},
    "platforms": {"Web": 1, "iOS": 2, "Android": 3, "Desktop": 4, SMART_TV: 5},
    "section_tree": SERVER_SECTIONS, "section_descriptions": SECTION_DESCRIPTIONS, "html_descriptions": [],
    "suite_descriptions": SUITE_DESCRIPTIONS, "completed_suites": [],
}
CLOUD = {
    "key": "cloud", "host": "https://storefront.testrail.io/",
    "project": 3, "other_project": (4, "Sandbox"),
    "suites": {"Search": 2, "Checkout": 5, "Accounts": 6}, "other_suite": 1,
    "section_order": ["Search", "Accounts", "Checkout"], "section_start": 901, "other_sections": [960],
    "case_start": 30001, "other_case_start": 30150,
    "case_types": {name: 21 + i for i, name in enumerate(
        ["Other", "Functional", "Regression", "Smoke & Sanity", "Acceptance", "Security", "Usability",
         "Accessibility", "Automated", "Compatibility", "Destructive", "Performance"])},
    "default_type": "Functional",
    "priorities": {"Critical": 6, "High": 7, "Medium": 8, "Low": 9},
    "priority_order": ["Critical", "High", "Medium", "Low"],
    "templates": {TEXT: 4, STEPS: 5, EXPLORATORY: 6}, "default_template": STEPS,
    "users": {"sofia": 3, "tom": 7, "maria": 12, "priya": 15, "lukas": 18},
    "other_user": (21, "Nadia Kowalski", "nadia.kowalski@storefront.example"),
    "roles": {"Lead": 5, "Tester": 2, "Designer": 3},
    "milestones": {"Release 2024.2": 2, "2024.2 Beta": 4, "Release 2024.1": 5}, "other_milestone": 3,
    "sets": {"Add a product to the cart": 2, "Sign in as a customer": 5}, "other_set": 3,
    "labels": {"checkout": 1, "smoke": 2, "regression": 4}, "other_label": 3,
    "fields": {"custom_automation_id": 2, "custom_preconds": 4, "custom_steps_separated": 5, "custom_steps": 6,
               "custom_expected": 7, "custom_platforms": 11, "custom_automation_type": 12, "custom_owner": 15,
               "custom_is_regression": 16, "custom_target_release": 18, "custom_demo_notes": 21},
    # project 3's own config; the field's global config (Sandbox) has other items
    "automation": {"Automated": 3, "Manual": 5, "None": 9},
    "automation_global": {"Not applicable": 1, "Manual": 3, "Automated": 5, "Scripted": 7},
    "platforms": {"Desktop": 2, "Android": 6, "Web": 7, "iOS": 8},
    "section_tree": CLOUD_SECTIONS, "section_descriptions": CLOUD_SECTION_DESCRIPTIONS,
    "html_descriptions": HTML_SECTION_DESCRIPTIONS + [("Search", "Sorting")],
    "suite_descriptions": CLOUD_SUITE_DESCRIPTIONS, "completed_suites": CLOUD_COMPLETED_SUITES,
}
CLOUD["case_type_order"] = sorted(CLOUD["case_types"], key=CLOUD["case_types"].get)

SERVER_ATTACHMENT_BASE = 31369
SERVER_TIME, CLOUD_TIME = 1651363200, 1741593600  # 2022-05-01, 2025-03-10 (the migration)


def attachment_id(inst, n):
    if inst is SERVER:
        return str(SERVER_ATTACHMENT_BASE + 17 * n)
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://storefront.testrail.io/attachments/{n}"))


def config_id(inst, field, n=0):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{inst['host']}fields/{field}/{n}"))


def render_text(inst, text):
    if text is None:
        return None
    return re.sub(r"\{att:(\d+)\}", lambda m: attachment_id(inst, int(m.group(1))), text)


def html_paragraph(text):
    """The Cloud 9.8+ rich-text editor's form of a one-line plain sentence."""
    return "<p>" + html.escape(text, quote=False) + "</p>"


def markdown_html(text):
    """The Cloud 9.8+ editor's HTML for a Markdown text: paragraphs, `- ` lists, **bold**, `code`."""
    if text is None:
        return None

    def inline(line):
        line = html.escape(line, quote=False)
        line = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", line)
        line = re.sub(r"`(.+?)`", r"<code>\1</code>", line)
        return re.sub(r"(?<![\w*])\*(\S.*?)\*(?![\w*])", r"<em>\1</em>", line)

    out, items = [], []
    for line in text.split("\n"):
        if line.startswith("- "):
            items.append("<li>" + inline(line[2:]) + "</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        out.append("<p>" + inline(line) + "</p>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return "".join(out)


# =================================================================================================================
# Rendering
# =================================================================================================================

def render(inst, specs, sets):
    """Renders one instance: the Storefront project from `specs` and `sets`, plus the instance's other project."""
    pid, host = inst["project"], inst["host"]
    other_pid, other_name = inst["other_project"]
    users_by_id = {}
    out = {k: [] for k in ["projects", "suites", "sections", "cases", "case_types", "priorities", "case_fields",
                           "templates", "users", "milestones", "shared_steps", "labels"]}

    # projects
    for p, name in sorted([(pid, "Storefront"), (other_pid, other_name)]):
        out["projects"].append({"id": p, "name": name, "announcement": None, "show_announcement": False,
                                "is_completed": False, "completed_on": None, "suite_mode": 3 if p == pid else 1,
                                "url": f"{host}index.php?/projects/overview/{p}"})

    # case types, priorities, templates
    for name in inst["case_type_order"]:
        out["case_types"].append({"id": inst["case_types"][name], "name": name,
                                  "is_default": name == inst["default_type"]})
    for name in inst["priority_order"]:
        full = dict(PRIORITIES)[name]
        out["priorities"].append({"id": inst["priorities"][name], "name": full, "short_name": name,
                                  "priority": [n for n, _ in PRIORITIES].index(name) + 1,
                                  "is_default": name == "Medium"})
    for name in TEMPLATES:
        out["templates"].append({"id": inst["templates"][name], "name": name,
                                 "is_default": name == inst["default_template"],
                                 "project_ids": sorted([pid, other_pid])})
    if inst is CLOUD:  # Sandbox also has the BDD template
        out["templates"].append({"id": 7, "name": "Behaviour Driven Development", "is_default": False,
                                 "project_ids": [other_pid]})
        out["templates"][1]["project_ids"] = [pid, other_pid]
        out["templates"][2]["project_ids"] = [pid]
    else:  # Server: a template of project 12 only, never migrated
        out["templates"].append({"id": inst["templates"][LEGACY_TEMPLATE], "name": LEGACY_TEMPLATE,
                                 "is_default": False, "project_ids": [pid]})

    # users
    for key, name, email, active, role in USERS:
        users_by_id[inst["users"][key]] = {"id": inst["users"][key], "name": name, "email": email,
                                           "is_active": active, "role_id": inst["roles"][role], "role": role,
                                           "project_ids": [pid] if key in ("lukas", "sofia")
                                           else sorted([pid, other_pid])}
    uid, uname, uemail = inst["other_user"]
    users_by_id[uid] = {"id": uid, "name": uname, "email": uemail, "is_active": True,
                        "role_id": inst["roles"]["Tester"], "role": "Tester", "project_ids": [other_pid]}
    out["users"] = [users_by_id[k] for k in sorted(users_by_id)]

    # milestones
    ms_rows = []
    for name, parent, description, completed, due in MILESTONES:
        mid = inst["milestones"][name]
        ms_rows.append({"id": mid, "name": name, "project_id": pid, "description": description,
                        "parent_id": inst["milestones"][parent] if parent else None, "is_completed": completed,
                        "due_on": due, "url": f"{host}index.php?/milestones/view/{mid}"})
    om = inst["other_milestone"]
    ms_rows.append({"id": om, "name": other_name + " relaunch", "project_id": other_pid,
                    "description": None, "parent_id": None, "is_completed": False, "due_on": 1735603200,
                    "url": f"{host}index.php?/milestones/view/{om}"})
    out["milestones"] = sorted(ms_rows, key=lambda m: m["id"])

    # labels
    creator = inst["users"]["maria"]
    label_rows = [{"id": inst["labels"][t], "title": t, "project_id": pid, "created_by": str(creator),
                   "created_on": str((SERVER_TIME if inst is SERVER else CLOUD_TIME) + 60 * inst["labels"][t])}
                  for t in LABELS]
    other_label_title = "hr" if inst is SERVER else "demo"
    label_rows.append({"id": inst["other_label"], "title": other_label_title, "project_id": other_pid,
                       "created_by": str(creator), "created_on": str(SERVER_TIME if inst is SERVER else CLOUD_TIME)})
    out["labels"] = sorted(label_rows, key=lambda r: r["id"])

    # case fields
    out["case_fields"] = case_fields(inst)

    # suites and sections
    all_suites = [(inst["suites"][n], n, pid) for n in CONTENT] + [(inst["other_suite"], other_name, other_pid)]
    for sid, name, p in sorted(all_suites):
        completed = name in inst["completed_suites"]
        out["suites"].append({"id": sid, "name": name, "project_id": p,
                              "description": inst["suite_descriptions"].get(name) if p == pid else None,
                              "is_master": p == other_pid, "is_baseline": False, "is_completed": completed,
                              "completed_on": CLOUD_TIME + 40 * 86400 if completed else None,
                              "url": f"{host}index.php?/suites/view/{sid}"})
    section_ids = {}
    next_section = inst["section_start"]
    for suite_name in inst["section_order"]:
        paths = [path for path, _ in CONTENT[suite_name]]
        if inst is CLOUD:  # the migration created the sub-sections first
            paths = sorted(paths, key=lambda p: (-p.count(" > "), p))
        for path in paths:
            section_ids[(suite_name, path)] = next_section
            next_section += 1 if inst is SERVER else 3
    for suite_name in inst["section_order"]:  # the empty sections, created later
        for path in inst["section_tree"][suite_name]:
            if (suite_name, path) not in section_ids:
                section_ids[(suite_name, path)] = next_section
                next_section += 1 if inst is SERVER else 3
    for suite_name in CONTENT:
        tree = inst["section_tree"][suite_name]
        assert set(dict(CONTENT[suite_name])) <= set(tree)  # every section with cases, on both sides
        for position, path in enumerate(tree, 1):
            parts = path.split(" > ")
            parent_path = " > ".join(parts[:-1])
            parent = section_ids[(suite_name, parent_path)] if parent_path else None
            siblings = [p for p in tree if p.rsplit(" > ", 1)[0] == (parent_path or p) and
                        p.count(" > ") == len(parts) - 1]
            # Server: the rank among the siblings; Cloud: the position in the whole suite's tree
            order = siblings.index(path) + 1 if inst is SERVER else position
            origin = CLOUD_SECTION_ORIGIN.get((suite_name, path), path) if inst is CLOUD else path
            description = inst["section_descriptions"].get((suite_name, origin))
            if (suite_name, origin) in inst["html_descriptions"]:
                description = markdown_html(description)
            out["sections"].append({"id": section_ids[(suite_name, path)], "suite_id": inst["suites"][suite_name],
                                    "name": parts[-1], "description": description, "parent_id": parent,
                                    "depth": len(parts) - 1, "display_order": order})
    other_section = inst["other_sections"][0]
    out["sections"].append({"id": other_section, "suite_id": inst["other_suite"], "name": "Portal" if inst is SERVER
                            else "Playground", "description": None, "parent_id": None, "depth": 0, "display_order": 1})
    out["sections"].sort(key=lambda s: s["id"])

    # case ids: Server in content order; Cloud by suite in another order, each suite's cases reversed
    present = [s for s in specs if s["only"] in (None, inst["key"])]
    if inst is SERVER:
        ordered = present
    else:
        ordered = [s for name in ["Search", "Checkout", "Accounts"] for s in reversed(present) if s["suite"] == name]
    case_ids = {(s["suite"], s["title"]): inst["case_start"] + i for i, s in enumerate(ordered)}

    # shared step sets
    set_cases = {title: [] for title in sets}
    for s in present:
        for step in s["steps"] or []:
            if isinstance(step, str):
                set_cases[step[1:]].append(case_ids[(s["suite"], s["title"])])
    set_rows = []
    for n, (title, steps) in enumerate(sets.items()):
        t = (SERVER_TIME + 3600 * (n + 1)) if inst is SERVER else CLOUD_TIME - 600 + n
        updated = t if not (inst is CLOUD and title == EDITED_SET) else CLOUD_TIME + 14 * 86400
        set_rows.append({"id": inst["sets"][title], "title": title, "project_id": pid,
                         "custom_steps_separated": [step_obj(inst, st) for st in steps],
                         "case_ids": sorted(set_cases[title]), "created_by": creator, "created_on": t,
                         "updated_by": inst["users"]["tom" if inst is CLOUD and title == EDITED_SET else "maria"],
                         "updated_on": updated})
    other_set_title, other_set_steps = other_set(inst)
    other_case_first = inst["other_case_start"]
    set_rows.append({"id": inst["other_set"], "title": other_set_title, "project_id": other_pid,
                     "custom_steps_separated": [step_obj(inst, st) for st in other_set_steps],
                     "case_ids": [other_case_first], "created_by": creator,
                     "created_on": SERVER_TIME if inst is SERVER else CLOUD_TIME,
                     "updated_by": creator, "updated_on": SERVER_TIME if inst is SERVER else CLOUD_TIME})
    out["shared_steps"] = sorted(set_rows, key=lambda r: r["id"])

    # cases
    display = {}
    for s in present:
        cid = case_ids[(s["suite"], s["title"])]
        sec = section_ids[(s["suite"], s["section"])]
        display[sec] = display.get(sec, 0) + 1
        out["cases"].append(case_obj(inst, s, cid, sec, display[sec], sets))
    out["cases"].extend(other_cases(inst, other_section))
    out["cases"].sort(key=lambda c: c["id"])
    return out, case_ids


def step_obj(inst, step):
    content, expected, info, refs = (tuple(step) + (None, None))[:4]
    return {"content": render_text(inst, content), "expected": render_text(inst, expected),
            "additional_info": info, "refs": refs}


def case_obj(inst, s, cid, section_id, position, sets):
    k = s["k"]
    is_server = inst is SERVER
    steps = None
    if s["steps"] is not None:
        steps = []
        for step in s["steps"]:
            if isinstance(step, str):  # a shared set
                set_id = inst["sets"][step[1:]]
                if is_server:
                    for st in sets[step[1:]]:
                        steps.append(dict(step_obj(inst, st), shared_step_id=set_id))
                else:
                    steps.append({"shared_step_id": set_id})
            else:
                steps.append(step_obj(inst, step))
    preconds = render_text(inst, s["preconds"])
    if not is_server and s["title"] in HTML_PRECONDS:
        preconds = html_paragraph(preconds)
    if not is_server and s["title"] in MARKDOWN_AS_HTML:
        preconds = markdown_html(preconds)
        for step in steps or []:
            for key in ("content", "expected"):
                if key in step:
                    step[key] = markdown_html(step[key])
    refs = ", ".join(s["refs"]) if s["refs"] else None
    if not is_server and len(s["refs"]) > 1:
        refs = ",".join(reversed(s["refs"]))
    platforms = sorted((inst["platforms"][p] for p in s["platforms"]))
    if not is_server and s["title"] in REORDERED_PLATFORMS:
        platforms.reverse()
    labels = sorted(({"id": inst["labels"][t], "title": t} for t in s["labels"]), key=lambda l: l["id"])
    drifted = not is_server and any(d[1] == s["title"] for d in DRIFT)
    if is_server:
        created = SERVER_TIME + k * 2 * 86400 + 3600 * (k % 7)
        updated = created + 86400 * (k % 40) + 60 * (k % 13)
        creator = inst["users"][["maria", "tom", "priya", "lukas", "sofia"][k % 5]]
        updater = inst["users"][ACTIVE_OWNERS[(k + 1) % 4]]
        forecast = [None, "4m 10s", "2m", None, "7m 30s"][k % 5]
    else:
        created = CLOUD_TIME + 2 * (cid - inst["case_start"])
        updated = created if not drifted else CLOUD_TIME + 21 * 86400 + 60 * k
        creator = inst["users"]["maria"]
        updater = inst["users"]["tom"] if drifted else creator
        forecast = None
    if s["only"] == "cloud":
        created = updated = CLOUD_TIME + 30 * 86400
        creator = updater = inst["users"]["sofia"]
    row = {
        "id": cid, "title": s["title"], "section_id": section_id, "suite_id": inst["suites"][s["suite"]],
        "template_id": inst["templates"][s["template"]], "type_id": inst["case_types"][s["type"]],
        "priority_id": inst["priorities"][s["priority"]],
        "milestone_id": inst["milestones"][s["milestone"]] if s["milestone"] else None,
        "refs": refs, "created_by": creator, "created_on": created, "updated_by": updater, "updated_on": updated,
        "estimate": s["estimate"], "estimate_forecast": forecast,
        "display_order": position if is_server else 1000 + 10 * position, "is_deleted": 0,
        "labels": labels,
        "custom_preconds": preconds,
        "custom_steps": render_text(inst, s["text_steps"]),
        "custom_expected": render_text(inst, s["text_expected"]),
        "custom_steps_separated": steps,
        "custom_automation_type": inst["automation"][s["automation"]],
        "custom_platforms": platforms,
        "custom_owner": inst["users"][s["owner"]],
        "custom_target_release": inst["milestones"][s["release"]] if s["release"] else None,
        "custom_is_regression": s["regression"],
        "custom_automation_id": s["automation_id"],
    }
    if is_server:  # a field configured for the project comes with every case, empty or not
        row[LEGACY_FIELD] = None
    return row


def other_cases(inst, section_id):
    """The small unrelated project: Intranet on Server, Sandbox on Cloud (one title equals a Storefront title)."""
    is_server = inst is SERVER
    pid = inst["other_project"][0]
    if is_server:
        titles = ["Open the intranet portal", "Search by product name", "Book a meeting room", "Submit a leave request"]
        automation = [inst["automation"][a] for a in ["Manual", "None", "Automated", "Manual"]]
    else:
        titles = ["Reset the sandbox data", "Sign in with the correct password", "Try the new editor"]
        automation = [inst["automation_global"][a] for a in ["Manual", "Scripted", "Not applicable"]]
    rows = []
    for i, title in enumerate(titles):
        cid = inst["other_case_start"] + i
        t = (SERVER_TIME - 86400 * 30 if is_server else CLOUD_TIME + 86400) + 3600 * i
        if i == 0:
            set_id = inst["other_set"]
            steps = ([dict(step_obj(inst, st), shared_step_id=set_id) for st in other_set(inst)[1]] if is_server
                     else [{"shared_step_id": set_id}])
            steps.append({"content": "Log out", "expected": "The sign-in page is shown", "additional_info": None,
                          "refs": None})
        else:
            steps = [{"content": f"Do: {title.lower()}", "expected": "It works", "additional_info": None,
                      "refs": None}]
        rows.append({
            "id": cid, "title": title, "section_id": section_id, "suite_id": inst["other_suite"],
            "template_id": inst["templates"][STEPS], "type_id": inst["case_types"]["Other"],
            "priority_id": inst["priorities"]["Medium"],
            "milestone_id": inst["other_milestone"] if i == 1 else None, "refs": None,
            "created_by": inst["other_user"][0], "created_on": t, "updated_by": inst["other_user"][0],
            "updated_on": t, "estimate": None, "estimate_forecast": None, "display_order": i + 1, "is_deleted": 0,
            "labels": [{"id": inst["other_label"], "title": "hr" if is_server else "demo"}] if i == 2 else [],
            "custom_preconds": None, "custom_steps": None, "custom_expected": None,
            "custom_steps_separated": steps, "custom_automation_type": automation[i],
            "custom_platforms": [inst["platforms"]["Web"]], "custom_owner": inst["other_user"][0],
            "custom_target_release": None, "custom_is_regression": False, "custom_automation_id": None,
        })
        if is_server:  # the global Legacy ID field: set on the Intranet cases imported from the old tool
            rows[-1][LEGACY_FIELD] = f"QC-{1042 + 7 * i}"
        else:  # Sandbox's own field
            rows[-1]["custom_demo_notes"] = "Shown in the onboarding tour." if i == 0 else None
    return rows


def other_set(inst):
    """The other project's shared step set: title and steps."""
    if inst is SERVER:
        return "Open the intranet portal", [
            ("Open `https://intranet.storefront.internal`", "The portal home page is shown", None, None)]
    return "Reset the sandbox", [("Open **Admin > Sandbox**", "The sandbox tools are shown", None, None),
                                 ("Click **Reset data**", "The demo catalogue is restored", None, None)]


def items(mapping):
    return "\n".join(f"{i}, {label}" for label, i in sorted(mapping.items(), key=lambda kv: kv[1]))


def case_fields(inst):
    """get_case_fields as the instance returns it."""
    f, pid, other_pid = inst["fields"], inst["project"], inst["other_project"][0]
    t = inst["templates"]
    is_server = inst is SERVER
    glob = {"is_global": True, "project_ids": None if is_server else []}

    def cfg(field, options, context=None, n=0):
        return {"context": context or glob, "id": config_id(inst, field, n), "options": options}

    def field(system, label, type_id, configs, description, templates=None, order=0):
        name = system[len("custom_"):]
        return {"id": f[system], "is_active": True, "type_id": type_id, "name": name, "system_name": system,
                "label": label, "description": description, "configs": configs, "display_order": order,
                "include_all": templates is None, "i18n_custom_id": f"fields_{system}",
                "template_ids": [] if templates is None else [t[x] for x in templates]}

    if is_server:
        automation_configs = [cfg("custom_automation_type", {"is_required": False, "default_value": "0",
                                                             "items": items(inst["automation"])})]
        regression_configs = [cfg("custom_is_regression", {"is_required": False, "default_value": False},
                                  {"is_global": False, "project_ids": [pid]})]
    else:
        automation_configs = [
            cfg("custom_automation_type", {"is_required": False, "default_value": "1",
                                           "items": items(inst["automation_global"])}),
            cfg("custom_automation_type", {"is_required": False, "default_value": "9",
                                           "items": "3, Automated\n5, Manual\n9, None"},
                {"is_global": False, "project_ids": [pid]}, 1),
        ]
        assert automation_configs[1]["options"]["items"] == items(inst["automation"])
        regression_configs = [cfg("custom_is_regression", {"is_required": False, "default_value": False})]
    rows = [
        field("custom_preconds", "Preconditions", 3,
              [cfg("custom_preconds", {"is_required": False, "default_value": "", "format": "markdown",
                                       "rows": "5"})],
              "The preconditions of this test case. Reference other test cases with [C#] (e.g. [C17]).", order=1),
        field("custom_steps", "Steps", 3,
              [cfg("custom_steps", {"is_required": False, "default_value": "", "format": "markdown", "rows": "7"})],
              "The required steps to execute the test case.", [TEXT], order=2),
        field("custom_expected", "Expected Result", 3,
              [cfg("custom_expected", {"is_required": False, "default_value": "", "format": "markdown",
                                       "rows": "7"})],
              "The expected result after executing the test case.", [TEXT], order=3),
        field("custom_steps_separated", "Steps", 10,
              [cfg("custom_steps_separated", {"is_required": False, "default_value": "", "format": "markdown",
                                              "has_expected": True, "rows": "5"})],
              "The required steps to execute the test case.", [STEPS], order=4),
        field("custom_automation_type", "Automation Type", 6, automation_configs,
              "Whether and how this case is automated.", order=5),
        field("custom_platforms", "Platforms", 12,
              [cfg("custom_platforms", {"is_required": False, "items": items(inst["platforms"])})],
              "The platforms this case must pass on.", order=6),
        field("custom_owner", "Owner", 7, [cfg("custom_owner", {"is_required": False, "default_value": ""})],
              "Who maintains this case.", order=7),
        field("custom_target_release",
              "Target Release" if is_server else CLOUD_FIELD_LABELS["custom_target_release"], 9,
              [cfg("custom_target_release", {"is_required": False})],
              "The release this case must pass for.", order=8),
        field("custom_is_regression", "Regression", 5, regression_configs,
              "Part of the regression run.", order=9),
        field("custom_automation_id", "Automation ID", 1,
              [cfg("custom_automation_id", {"is_required": False, "default_value": "", "format": "plain"})],
              "The id of the automated test.", order=10),
    ]
    if is_server:  # imported from the previous tool; configured globally, never migrated
        rows.append(field(LEGACY_FIELD, "Legacy ID", 1,
                          [cfg(LEGACY_FIELD, {"is_required": False, "default_value": "", "format": "plain"})],
                          "The case id in Quality Center, before TestRail.", order=11))
    else:  # Sandbox's own field: configured for project 4 only, so it does not apply to Storefront
        rows.append(field("custom_demo_notes", "Demo notes", 1,
                          [cfg("custom_demo_notes", {"is_required": False, "default_value": "", "format": "plain"},
                               {"is_global": False, "project_ids": [other_pid]})],
                          "What the onboarding tour says about this case.", order=11))
    return sorted(rows, key=lambda r: r["id"])


# =================================================================================================================
# Self-check: integrity of each instance, and an independent reading of both that must find exactly the planted drift
# =================================================================================================================

def check_instance(data, inst):
    by = {k: {r["id"]: r for r in data[k]} for k in data}
    for k in data:
        assert len(by[k]) == len(data[k]), f"{inst['key']}: duplicate ids in {k}"
    for s in data["suites"]:
        assert s["project_id"] in by["projects"]
    for sec in data["sections"]:
        assert sec["suite_id"] in by["suites"]
        if sec["parent_id"] is None:
            assert sec["depth"] == 0
        else:
            parent = by["sections"][sec["parent_id"]]
            assert parent["suite_id"] == sec["suite_id"] and sec["depth"] == parent["depth"] + 1
    fields = {f["system_name"]: f for f in data["case_fields"]}
    for m in data["milestones"]:
        assert m["project_id"] in by["projects"]
        if m["parent_id"] is not None:
            assert by["milestones"][m["parent_id"]]["project_id"] == m["project_id"]
    for ss in data["shared_steps"]:
        for cid in ss["case_ids"]:
            c = by["cases"][cid]
            assert project_of(by, c) == ss["project_id"]
            assert any(st.get("shared_step_id") == ss["id"] for st in c["custom_steps_separated"])
    for c in data["cases"]:
        pid = project_of(by, c)
        sec = by["sections"][c["section_id"]]
        assert sec["suite_id"] == c["suite_id"], c["title"]
        assert pid in by["templates"][c["template_id"]]["project_ids"], c["title"]
        assert c["type_id"] in by["case_types"] and c["priority_id"] in by["priorities"]
        for ms in (c["milestone_id"], c["custom_target_release"]):
            assert ms is None or by["milestones"][ms]["project_id"] == pid, c["title"]
        assert pid in by["users"][c["custom_owner"]]["project_ids"], c["title"]
        for u in (c["created_by"], c["updated_by"]):
            assert u in by["users"]
        for lab in c["labels"]:
            assert by["labels"][lab["id"]]["title"] == lab["title"] and by["labels"][lab["id"]]["project_id"] == pid
        assert c["custom_automation_type"] in option_map(fields["custom_automation_type"], pid)
        assert set(c["custom_platforms"]) <= set(option_map(fields["custom_platforms"], pid))
        steps = c["custom_steps_separated"] or []
        i = 0
        while i < len(steps):
            st = steps[i]
            if "shared_step_id" in st:
                ss = by["shared_steps"][st["shared_step_id"]]
                assert ss["project_id"] == pid and c["id"] in ss["case_ids"], c["title"]
                if inst is SERVER:  # inlined: one entry per step of the set, the set's own text
                    run = steps[i:i + len(ss["custom_steps_separated"])]
                    assert [dict((k, v) for k, v in r.items() if k != "shared_step_id") for r in run] == \
                        ss["custom_steps_separated"], c["title"]
                    assert all(r.get("shared_step_id") == ss["id"] for r in run)
                    i += len(run)
                    continue
                assert st == {"shared_step_id": ss["id"]}, c["title"]  # Cloud: a reference only
            else:
                assert set(st) == {"content", "expected", "additional_info", "refs"}
            i += 1
        for text in [c["custom_preconds"], c["custom_steps"], c["custom_expected"]] + \
                [v for st in steps for v in (st.get("content"), st.get("expected"))]:
            for aid in re.findall(r"attachments/get/([^)]+)\)", text or ""):
                assert re.fullmatch(r"\d+", aid) if inst is SERVER else re.fullmatch(r"[0-9a-f-]{36}", aid), aid


def project_of(by, c):
    return by["suites"][c["suite_id"]]["project_id"]


def option_map(field, pid):
    """id -> label from the config that applies to project pid (a project config wins over the global one)."""
    configs = field["configs"]
    chosen = next((c for c in configs if not c["context"]["is_global"] and pid in (c["context"]["project_ids"] or [])),
                  None) or next(c for c in configs if c["context"]["is_global"])
    out = {}
    for line in chosen["options"]["items"].split("\n"):
        i, label = line.split(", ", 1)
        out[int(i)] = label
    return out


class Shown:
    """Text as meant: attachment ids dropped; HTML (the Cloud editor's) as the text it shows. Markdown equals
    Markdown as written, and HTML as the text it shows when the other side is HTML."""

    def __init__(self, text):
        text = re.sub(r"attachments/get/[^)]+\)", "attachments/get/ID)", text)
        self.html = text.startswith("<p>") or text.startswith("<ul>")
        if self.html:
            text = re.sub(r"</(p|li|ul)>", " ", text)
            text = html.unescape(re.sub(r"<[^>]+>", "", text))
        self.text = " ".join(text.split())

    def shown(self):
        if self.html:
            return self.text
        text = re.sub(r"(^|\s)- ", r"\1", self.text)
        return re.sub(r"\*\*|`|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])", "", text)

    def __eq__(self, other):
        if not isinstance(other, Shown):
            return NotImplemented
        if self.html == other.html:
            return self.text == other.text
        return " ".join(self.shown().split()) == " ".join(other.shown().split())

    def __repr__(self):
        return repr(self.text)


def plain(text):
    return None if text is None else Shown(text)


def meaning(data, pid):
    """Every Storefront case by (suite, title), read back through the instance's own tables."""
    by = {k: {r["id"]: r for r in data[k]} for k in data}
    fields = {f["system_name"]: f for f in data["case_fields"]}
    fields_read = ["custom_preconds", "custom_steps", "custom_expected", "custom_steps_separated",
                   "custom_automation_type", "custom_platforms", "custom_owner", "custom_target_release",
                   "custom_is_regression", "custom_automation_id"]
    out = {}
    for c in data["cases"]:
        if project_of(by, c) != pid:
            continue
        sec, path = by["sections"][c["section_id"]], []
        while sec:
            path.insert(0, sec["name"])
            sec = by["sections"].get(sec["parent_id"])
        steps = None
        if c["custom_steps_separated"] is not None:
            steps, seen = [], set()
            for st in c["custom_steps_separated"]:
                if set(st) == {"shared_step_id"}:
                    expanded = by["shared_steps"][st["shared_step_id"]]["custom_steps_separated"]
                else:
                    expanded = [st]
                for e in expanded:
                    steps.append(tuple(plain(e[k]) for k in ("content", "expected", "additional_info", "refs")))
        users = by["users"]
        key = (by["suites"][c["suite_id"]]["name"], c["title"])
        assert key not in out, key
        out[key] = {
            "section": " > ".join(path),
            "template": by["templates"][c["template_id"]]["name"],
            "type": by["case_types"][c["type_id"]]["name"],
            "priority": by["priorities"][c["priority_id"]]["name"],
            "refs": sorted(r.strip() for r in (c["refs"] or "").split(",") if r.strip()),
            "estimate": c["estimate"],
            "milestone": by["milestones"][c["milestone_id"]]["name"] if c["milestone_id"] else None,
            "labels": sorted(l["title"] for l in c["labels"]),
            "custom_preconds": plain(c["custom_preconds"]),
            "custom_steps": plain(c["custom_steps"]),
            "custom_expected": plain(c["custom_expected"]),
            "custom_steps_separated": steps,
            "custom_automation_type": option_map(fields["custom_automation_type"], pid)[c["custom_automation_type"]],
            "custom_platforms": sorted(option_map(fields["custom_platforms"], pid)[i] for i in c["custom_platforms"]),
            "custom_owner": users[c["custom_owner"]]["email"],
            "custom_target_release": by["milestones"][c["custom_target_release"]]["name"]
            if c["custom_target_release"] else None,
            "custom_is_regression": c["custom_is_regression"],
            "custom_automation_id": c["custom_automation_id"],
            # any other field the instance returns on the case: a field configured on one side only reads as empty
            # on the other, so only values count
            "other custom fields": {k: v for k, v in c.items() if k.startswith("custom_") and v is not None and
                                    k not in fields_read},
        }
    return out


FIELD_TYPES = {1: "String", 2: "Integer", 3: "Text", 4: "URL", 5: "Checkbox", 6: "Dropdown", 7: "User", 8: "Date",
               9: "Milestone", 10: "Steps", 11: "Step Results", 12: "Multi-select"}


def applies(field, pid):
    """A custom case field applies to project pid when active and configured globally or for pid."""
    return field["is_active"] and any(c["context"]["is_global"] or pid in (c["context"]["project_ids"] or [])
                                      for c in field["configs"])


def resources(data, pid):
    """The project's other resources, by meaning: resource -> key -> attributes. Sections are keyed by (suite, path)
    and carry their rank among their siblings (by display_order, then id) instead of the raw number."""
    by = {k: {r["id"]: r for r in data[k]} for k in data}
    suites = {s["id"]: s for s in data["suites"] if s["project_id"] == pid}
    out = {"suites": {}, "sections": {}, "shared-steps": {}, "fields": {}, "templates": {}}
    for s in suites.values():
        assert s["name"] not in out["suites"]
        out["suites"][s["name"]] = {"name": s["name"], "description": plain(s["description"]),
                                    "is_completed": s["is_completed"], "is_baseline": s["is_baseline"]}

    def path(sec):
        return (path(by["sections"][sec["parent_id"]]) + " > " if sec["parent_id"] else "") + sec["name"]

    secs = [sec for sec in data["sections"] if sec["suite_id"] in suites]
    for sec in secs:
        siblings = sorted((x for x in secs if x["suite_id"] == sec["suite_id"] and x["parent_id"] == sec["parent_id"]),
                          key=lambda x: (x["display_order"], x["id"]))
        key = (suites[sec["suite_id"]]["name"], path(sec))
        assert key not in out["sections"], key
        out["sections"][key] = {"name": sec["name"],
                                "parent": path(by["sections"][sec["parent_id"]]) if sec["parent_id"] else None,
                                "description": plain(sec["description"]), "display_order": siblings.index(sec) + 1}
    for ss in data["shared_steps"]:
        if ss["project_id"] == pid:
            assert ss["title"] not in out["shared-steps"]
            out["shared-steps"][ss["title"]] = {
                "title": ss["title"],
                "custom_steps_separated": [tuple(plain(st[k]) for k in ("content", "expected", "additional_info",
                                                                        "refs")) for st in ss["custom_steps_separated"]]}
    for f in data["case_fields"]:
        if applies(f, pid):
            out["fields"][f["system_name"]] = {
                "label": f["label"], "type": FIELD_TYPES[f["type_id"]],
                "options": sorted(option_map(f, pid).values()) if f["type_id"] in (6, 12) else None}
    for t in data["templates"]:
        if t.get("project_ids") is None or pid in t["project_ids"]:
            out["templates"][t["name"]] = {}
    return out


def resource_diff(left, right, compared_fields=()):
    """Resource records from left to right, matched by meaning. Sections: by path within the suite; a section left
    over on each side is renamed (a near name, >= 0.8, under the same parent) or moved (the same name under another
    parent). display_order (the rank among the siblings) only when asked for."""
    found = []
    for resource in left:
        lres, rres = left[resource], right[resource]
        pairs = [(k, k) for k in sorted(set(lres) & set(rres))]
        lonly = sorted(set(lres) - set(rres))
        ronly = sorted(set(rres) - set(lres))
        if resource == "sections":
            for lk in list(lonly):
                for rk in ronly:
                    l, r = lres[lk], rres[rk]
                    if lk[0] != rk[0]:
                        continue
                    if (l["parent"] == r["parent"] and l["name"] != r["name"] and
                            similarity(l["name"].lower(), r["name"].lower()) >= 0.8) or \
                            (l["name"] == r["name"] and l["parent"] != r["parent"]):
                        pairs.append((lk, rk))
                        lonly.remove(lk)
                        ronly.remove(rk)
                        break
        for lk, rk in pairs:
            attrs = [a for a in lres[lk] if a != "display_order" or "display_order" in compared_fields]
            diff = sorted(a for a in attrs if lres[lk][a] != rres[rk][a])
            if diff:
                status = "renamed" if "name" in diff or "title" in diff else \
                    "moved" if "parent" in diff else "changed"
                found.append((resource, lk, status, diff))
        found += [(resource, k, "removed", []) for k in lonly] + [(resource, k, "added", []) for k in ronly]
    records = []
    for resource, key, status, diff in found:
        suite_name, name = key if resource == "sections" else (None, key)
        records.append({"resource": resource, "suite": suite_name, "name": name, "status": status, "fields": diff})
    return sorted(records, key=lambda r: (r["resource"], r["suite"] or "", r["name"]))


def similarity(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j - 1] + (a[i - 1] != b[j - 1]), prev[j] + 1, cur[j - 1] + 1)
        prev = cur
    return 1 - prev[len(b)] / max(len(a), len(b))


def self_check(server, cloud, server_ids, cloud_ids, planted):
    check_instance(server, SERVER)
    check_instance(cloud, CLOUD)
    left, right = meaning(server, SERVER["project"]), meaning(cloud, CLOUD["project"])
    found = []
    for key in sorted(set(left) | set(right)):
        if key not in right:
            found.append({"suite": key[0], "title": key[1], "status": "removed", "fields": []})
        elif key not in left:
            found.append({"suite": key[0], "title": key[1], "status": "added", "fields": []})
        else:
            diff = sorted(f for f in left[key] if left[key][f] != right[key][f])
            if diff:
                found.append({"suite": key[0], "title": key[1], "status": "changed", "fields": diff})
    expected = [{k: r[k] for k in ("suite", "title", "status", "fields")} for r in planted["records"]]
    assert found == expected, json.dumps({"found": found, "planted": expected}, indent=1)
    # every planted case exists on the expected side(s)
    for r in planted["records"]:
        key = (r["suite"], r["title"])
        assert (key in server_ids) == (r["status"] != "added") and (key in cloud_ids) == (r["status"] != "removed")
    # each single drift is on a different case; the edited-set cases carry nothing else
    assert len({(d[0], d[1]) for d in DRIFT}) == len(DRIFT)
    # added and removed are not a rename: far apart, in the same suite
    added = [r for r in planted["records"] if r["status"] == "added"]
    removed = [r for r in planted["records"] if r["status"] == "removed"]
    assert len(added) == len(removed) == 1 and added[0]["suite"] == removed[0]["suite"]
    assert similarity(added[0]["title"].lower(), removed[0]["title"].lower()) < 0.5
    # every id differs between the instances for the same thing
    for key in set(server_ids) & set(cloud_ids):
        assert server_ids[key] != cloud_ids[key]
    for kind in ["suites", "case_types", "priorities", "templates", "users", "milestones", "sets", "labels", "fields",
                 "automation", "platforms"]:
        for name in set(SERVER[kind]) & set(CLOUD[kind]):
            assert SERVER[kind][name] != CLOUD[kind][name], (kind, name)
    s_sections = {r["id"] for r in server["sections"]}
    assert not s_sections & {r["id"] for r in cloud["sections"]}
    assert SERVER["project"] != CLOUD["project"]
    # titles are unique per suite on each side (the oracle keys on suite + title)
    for data in (server, cloud):
        keys = [(c["suite_id"], c["title"]) for c in data["cases"]]
        assert len(keys) == len(set(keys))
    check_resources(server, cloud, planted)
    return left


def check_resources(server, cloud, planted):
    """An independent reading of both instances' other resources finds exactly planted.json's `resources`: without
    display_order the records without `only_with_fields`, with it every record."""
    left, right = resources(server, SERVER["project"]), resources(cloud, CLOUD["project"])
    keep = ("resource", "suite", "name", "status", "fields")
    planted_all = [{k: r[k] for k in keep} for r in planted["resources"]]
    planted_default = [{k: r[k] for k in keep} for r in planted["resources"] if "only_with_fields" not in r]
    found = resource_diff(left, right)
    assert found == planted_default, json.dumps({"found": found, "planted": planted_default}, indent=1)
    found = resource_diff(left, right, ["display_order"])
    assert found == planted_all, json.dumps({"found": found, "planted": planted_all}, indent=1)
    # the other projects' resources are not Storefront's: Sandbox's template, set and field stay project 4's
    assert "Behaviour Driven Development" not in right["templates"] and "Reset the sandbox" not in right["shared-steps"]
    assert "custom_demo_notes" not in right["fields"]
    assert resources(cloud, CLOUD["other_project"][0])["fields"]["custom_demo_notes"]["label"] == "Demo notes"
    # no planted section holds a case (renaming, moving or removing it cannot change a case)
    for data, inst in ((server, SERVER), (cloud, CLOUD)):
        used = {c["section_id"] for c in data["cases"]}
        ids = {(s["suite_id"], s["name"]): s["id"] for s in data["sections"]}
        for r in planted["resources"]:
            if r["resource"] == "sections" and r["status"] in ("added", "removed", "renamed", "moved"):
                for name in (r["name"].split(" > ")[-1], "Data exports"):
                    sid = ids.get((inst["suites"][r["suite"]], name))
                    assert sid is None or sid not in used, (inst["key"], r)
        # no Storefront case uses the removed template, option or field
        if inst is SERVER:
            storefront = [c for c in data["cases"] if c["suite_id"] in SERVER["suites"].values()]
            assert all(c["template_id"] != SERVER["templates"][LEGACY_TEMPLATE] for c in storefront)
            assert all(SERVER["platforms"][SMART_TV] not in c["custom_platforms"] for c in storefront)
            assert all(c[LEGACY_FIELD] is None for c in storefront)
            assert all(SERVER["sets"][REMOVED_SET] != st.get("shared_step_id") for c in storefront
                       for st in c["custom_steps_separated"] or [])
    # the renamed section is a near name, the added and removed sections are not
    assert similarity("data export", "data exports") >= 0.8 > similarity("gift cards", "sorting")


# =================================================================================================================
# Oracle and README
# =================================================================================================================

def planted_records():
    records = []
    for suite_name, title, field, what, _ in DRIFT:
        records.append({"suite": suite_name, "title": title, "status": "changed", "fields": [field], "detail": what})
    edited = SHARED_SETS[EDITED_SET][EDITED_STEP]
    for s in CASES:
        if s["steps"] and SIGN_IN in s["steps"]:
            records.append({"suite": s["suite"], "title": s["title"], "status": "changed",
                            "fields": ["custom_steps_separated"], "step_fields": ["expected"],
                            "detail": f"Uses the shared set \"{EDITED_SET}\", edited on Cloud: step "
                                      f"{EDITED_STEP + 1} expected `{edited[1]}` → `{EDITED_EXPECTED}`"})
    records.extend(
        {"suite": s["suite"], "title": s["title"], "status": "removed" if s["only"] == "server" else "added",
         "fields": [], "detail": "Only on Server (not migrated)" if s["only"] == "server"
         else "Only on Cloud (written after the migration)"} for s in CASES if s["only"])
    for r in records:
        if r["title"] == "Sign in with the e-mail address in upper case":
            r["step_fields"] = ["content"]
    return sorted(records, key=lambda r: (r["suite"], r["title"]))


def planted_resources():
    out = []
    for resource, suite_name, name, status, fields, detail, only in RESOURCE_DRIFT:
        r = {"resource": resource, "suite": suite_name, "name": name, "status": status, "fields": sorted(fields),
             "detail": detail}
        if only:
            r["only_with_fields"] = only
        out.append(r)
    return sorted(out, key=lambda r: (r["resource"], r["suite"] or "", r["name"]))


def write_json(name, obj):
    with open(os.path.join(OUT_DIR, name), "w") as handle:
        json.dump(obj, handle, indent=1, sort_keys=True, ensure_ascii=False)
        handle.write("\n")


def readme(planted, counts):
    set_users = [s["title"] for s in CASES if s["steps"] and SIGN_IN in s["steps"]]
    cart_users = [s["title"] for s in CASES if s["steps"] and ADD_TO_CART in s["steps"]]
    multi_refs = [s["title"] for s in CASES if len(s["refs"]) > 1 and s["only"] is None]
    attach = [s["title"] for s in CASES if "{att:" in json.dumps(s)]
    multi_labels = [s["title"] for s in CASES if len(s["labels"]) > 1 and s["only"] is None]
    lines = [
        "# Migration pair: TestRail Server → TestRail Cloud",
        "",
        "`server.json` is a TestRail Server 9.x (on-premise) instance; `cloud.json` is the TestRail Cloud instance its",
        "\"Storefront\" project was migrated to. Every id differs between the two (projects, suites, sections, cases,",
        "case types, priorities, templates, users, milestones, shared step sets, labels, case fields, dropdown and",
        "multi-select option ids, attachments), and the Cloud copy says several things in another form. Apart from",
        "the drift planted on purpose, both projects mean the same. `planted.json` is the test oracle.",
        "",
        "All four files are written by `scripts/make-migration-fixtures.py` (deterministic, Python 3 standard library",
        "only). Regenerate after editing the script:",
        "",
        "```sh",
        "python3 scripts/make-migration-fixtures.py",
        "```",
        "",
        "The script writes the content once without ids, renders each instance from it, applies the drift to the",
        "Cloud copy only, and then self-checks: references resolve on their own instance, Server shared-step runs",
        "equal their set, Cloud reference-only steps point to a Cloud set, and an independent reading of both",
        "instances (names through each side's own tables) finds exactly the records in `planted.json`: its case",
        "`records`, and its `resources` (suites, sections, shared step sets, case fields and templates; with and",
        "without the sections' `display_order`).",
        "",
        "## Instances",
        "",
        "| | Server (`server.json`) | Cloud (`cloud.json`) |",
        "|---|---|---|",
        f"| compared project | **12** Storefront (suite mode 3) | **3** Storefront (suite mode 3) |",
        f"| other project | 7 Intranet (1 suite, 4 cases) | 4 Sandbox (1 suite, 3 cases) |",
        f"| suites | Checkout 21, Accounts 22, Search 24; each with a description | Search 2 (completed), Checkout 5, "
        "Accounts 6 (no description) |",
        f"| sections | {SERVER['section_start']}… (empty sections after the others); `display_order` the rank among the "
        f"siblings | {CLOUD['section_start']}… (sub-sections first, step 3; empty sections after the others); "
        "`display_order` the position in the whole suite's tree |",
        f"| cases | {SERVER['case_start']}… in content order | {CLOUD['case_start']}… Search, Checkout, Accounts, "
        "each suite reversed |",
        "| case types | TestRail's 12, ids 1–12 alphabetical | the same 12 names, ids 21–32 in another order |",
        "| priorities | Low 1, Medium 2, High 3, Critical 4 | Critical 6, High 7, Medium 8, Low 9 |",
        "| templates | Text 1 (default), Steps 2, Exploratory 3; Test Case (Legacy) 4 (project 12 only, no case) | "
        "Text 4, Steps 5 (default), Exploratory 6 (project 3 only); Behaviour Driven Development 7 (project 4 "
        "only) |",
        "| users | Maria 1, Tom 4, Priya 6, Lukas 9 (inactive), Sofia 11; Henrik 14 (Intranet only) | Sofia 3, "
        "Tom 7, Maria 12, Priya 15, Lukas 18 (inactive); Nadia 21 (Sandbox only) |",
        "| milestones | Release 2024.1 31, Release 2024.2 35, 2024.2 Beta 36 (child of 35) | Release 2024.2 2, "
        "2024.2 Beta 4 (child of 2), Release 2024.1 5 |",
        "| shared step sets | Sign in as a customer 17, Add a product to the cart 18, Empty the cart 20 (no case); "
        "Intranet: Open the intranet portal 12 | Add a product to the cart 2, Sign in as a customer 5; Sandbox: "
        "Reset the sandbox 3 |",
        "| labels | smoke 3, regression 8, checkout 9 | checkout 1, smoke 2, regression 4 |",
        "| `custom_automation_type` | global: `0, None` `1, Manual` `2, Automated` | global: `1, Not applicable` "
        "`3, Manual` `5, Automated` `7, Scripted`; **project 3**: `3, Automated` `5, Manual` `9, None` |",
        f"| `custom_platforms` | `1, Web` `2, iOS` `3, Android` `4, Desktop` `5, {SMART_TV}` (no case) | "
        "`2, Desktop` `6, Android` `7, Web` `8, iOS` |",
        "| `custom_target_release` label | Target Release | Target Version |",
        f"| other fields | `{LEGACY_FIELD}` (String, global; null on every Storefront case, set on Intranet's) | "
        "`custom_demo_notes` (String, project 4 only) |",
        "| `custom_is_regression` config | project 12 only | global |",
        "| attachments | integer ids (`get/31386`) | UUIDs (`get/xxxxxxxx-…`) |",
        "| field ids | preconds 1, steps 2, expected 3, steps_separated 10, automation_type 14, platforms 17, "
        "owner 19, target_release 20, is_regression 22, automation_id 23, legacy_id 25 | automation_id 2, "
        "preconds 4, steps_separated 5, steps 6, expected 7, platforms 11, automation_type 12, owner 15, "
        "is_regression 16, target_release 18, demo_notes 21 |",
        "",
        "Case fields on both: `custom_preconds` (Text, markdown), `custom_steps` and `custom_expected` (Text,",
        "markdown, Text template only), `custom_steps_separated` (Steps, markdown, `has_expected`),",
        "`custom_automation_type` (Dropdown), `custom_platforms` (Multi-select), `custom_owner` (User),",
        "`custom_target_release` (Milestone), `custom_is_regression` (Checkbox), `custom_automation_id` (String,",
        "plain); Server also `custom_legacy_id` (String, plain). `templates[].project_ids` and",
        "`users[].project_ids` are simulator-only (which projects `get_templates/{id}` and `get_users/{id}` list).",
        "",
        "### Storefront cases per suite",
        "",
        "| suite | sections | Server | Cloud |",
        "|---|---|---|---|",
    ]
    for name in CONTENT:
        paths = ", ".join(p for p, _ in CONTENT[name])
        lines.append(f"| {name} | {paths} | {counts['server'][name]} | {counts['cloud'][name]} |")
    lines.append(f"| **total** | | **{sum(counts['server'].values())}** | **{sum(counts['cloud'].values())}** |")
    for side, tree in (("Server", SERVER_SECTIONS), ("Cloud", CLOUD_SECTIONS)):
        empty = "; ".join(f"{name} > {path}" for name in CONTENT for path in tree[name]
                          if path not in dict(CONTENT[name]))
        lines += ["", f"Empty sections on {side} (depth-first order): {empty}."]
    lines += [
        "",
        "## Planted drift (`planted.json`)",
        "",
        "Compared from Server (left) to Cloud (right). Every Storefront case not listed here must compare unchanged.",
        "Each record has `suite`, `title`, `status` and `fields` (the compared fields that differ: `template`,",
        "`priority`, `labels`, or a `custom_*` system name; `custom_steps_separated` for steps), plus `detail` (what",
        "changed, for people) and, for step changes, `step_fields` (which part of a step differs).",
        "",
        "| # | suite | case | status | fields | what |",
        "|---|---|---|---|---|---|",
    ]
    for n, r in enumerate(planted["records"], 1):
        fields = ", ".join(f"`{f}`" for f in r["fields"]) or "—"
        if r.get("step_fields"):
            fields += " (step " + ", ".join(r["step_fields"]) + ")"
        lines.append(f"| {n} | {r['suite']} | {r['title']} | {r['status']} | {fields} | "
                     f"{r['detail'].replace('|', '∣')} |")
    lines += [
        "",
        f"The edited shared set (\"{EDITED_SET}\", Cloud set 5, step {EDITED_STEP + 1} `expected`) is used by "
        f"{len(set_users)} cases; each is listed. The `<placeholder>` edit is on a case that does not use that set, "
        "and a tool that drops `<email>`/`<phone>` as if they were HTML tags misses it.",
        "",
        "## Planted resource drift (`planted.json` `resources`)",
        "",
        "The project's other resources, matched by meaning (never by id): suites by name; sections by path within "
        "the suite",
        "of the same name (a section left over on each side is renamed when its name is near, ≥ 0.8, under the same "
        "parent,",
        "moved when the same name sits under another parent); shared step sets by title; custom case fields that "
        "apply to",
        "the project (active, with a global config or one listing the project) by `system_name`, options compared "
        "as the",
        "set of labels of the config that applies; templates available to the project by name. Each record has "
        "`resource`,",
        "`suite` (sections only, else null), `name` (the Server path, name, title or system name; the Cloud one for "
        "`added`),",
        "`status`, `fields` and `detail`. A section's `display_order` is its rank among its siblings, compared only "
        "when asked",
        "for (`--fields`): those records carry `\"only_with_fields\": [\"display_order\"]`. None of it changes a "
        "case: the",
        "planted sections hold no case, and no Storefront case uses the removed set, template, field or option.",
        "",
        "| # | resource | suite | name | status | fields | what |",
        "|---|---|---|---|---|---|---|",
    ]
    for n, r in enumerate(planted["resources"], 1):
        fields = ", ".join(f"`{f}`" for f in r["fields"]) or "—"
        if r.get("only_with_fields"):
            fields += " (only with `--fields " + ",".join(r["only_with_fields"]) + "`)"
        lines.append(f"| {n} | {r['resource']} | {r['suite'] or '—'} | {r['name']} | {r['status']} | {fields} | "
                     f"{r['detail'].replace('|', '∣')} |")
    lines += [
        "",
        "## Not drift: how the Cloud copy says the same thing differently",
        "",
        "| difference | Server | Cloud | cases |",
        "|---|---|---|---|",
        "| every id (see above), option ids, attachment ids | | | all |",
        "| shared steps | the set's steps inlined, each with `shared_step_id` = Server set id | one entry "
        "`{\"shared_step_id\": <Cloud set id>}` at the set's position | \"Add a product to the cart\": "
        + "; ".join(cart_users) + ". \"Sign in as a customer\" (drift, see above): " + "; ".join(set_users) + " |",
        "| dropdown by per-project config | `1` (global Manual) | `5` (project 3's Manual; the global config "
        "would read `5` as Automated) | every case |",
        "| multi-select option order | ascending Server ids | ascending Cloud ids, so another label order; reversed "
        "again on some | " + "; ".join(REORDERED_PLATFORMS) + " (reversed) |",
        "| refs order and spacing | `JIRA-101, JIRA-102` | `JIRA-102,JIRA-101` | " + "; ".join(multi_refs) + " |",
        "| rich-text preconditions (9.8+ editor) | `The cart is empty.` | `<p>The cart is empty.</p>` | "
        + "; ".join(t for t in HTML_PRECONDS if "<" not in (next(s for s in CASES if s["title"] == t)["preconds"]))
        + " |",
        "| Markdown converted to HTML by the 9.8+ editor | `Tax rate for the test region: **20 %**.`, a `- ` list | "
        "`<p>Tax rate for the test region: <strong>20 %</strong>.</p>`, `<ul><li>…</li></ul>` | "
        + "; ".join(MARKDOWN_AS_HTML) + " |",
        "| rich text with an escaped placeholder | `The customer <email> already has one saved address.` | "
        "`<p>The customer &lt;email&gt; already has one saved address.</p>` | Add a second shipping address |",
        "| attachments | `![](index.php?/attachments/get/31386)` | `![](index.php?/attachments/get/<uuid>)` | "
        + "; ".join(attach) + " |",
        "| label order on a case | by Server label id (smoke, checkout) | by Cloud label id (checkout, smoke) | "
        + "; ".join(multi_labels) + " |",
        "| `custom_owner`, `custom_target_release`, `milestone_id` | Server user / milestone ids | Cloud ids of the "
        "same user (same e-mail) / milestone (same name) | all |",
        "| an inactive owner | Lukas Becker (inactive) owns a case | the same | "
        "Recovery codes can be downloaded once |",
        "| `created_by`, `created_on`, `updated_by`, `updated_on` | original authors and dates (2022) | Maria at the "
        "migration (2025-03-10); drifted cases later by Tom | all |",
        "| `display_order` | 1, 2, 3 … per section | 1010, 1020, … per section | all |",
        "| section descriptions in the 9.8+ editor's HTML | `Password, social and two-factor sign-in.`, "
        "`**My account**`, a `- ` list | `<p>Password, social and two-factor sign-in.</p>`, "
        "`<strong>My account</strong>`, `<ul><li>…</li></ul>` | sections " + "; ".join(
            f"{suite_name} > {path}" for suite_name, path in HTML_SECTION_DESCRIPTIONS
            if (suite_name, path) != ("Checkout", "Payment")) + " (Payment's is HTML too, and edited: drift) |",
        "| section `display_order` numbers | the rank among the siblings (1, 2, 3 …) | the position in the suite's "
        "whole tree (1 … 8); ranks equal apart from the planted Sign-in/Sign-up swap | every section |",
        "| section, suite, set, field, template and option ids | | | all |",
        "| a field configured on one side only | Server Storefront cases carry `\"custom_legacy_id\": null` | no "
        "such key | every Server Storefront case |",
        "| `estimate_forecast` | set on some cases | `null` (no run history on Cloud) | some |",
        "| default template, default case type | Text; Other | Steps; Functional | — |",
        "| other projects' resources | Intranet's suite, section, set \"Open the intranet portal\", Legacy ID "
        "values | Sandbox's BDD template, set \"Reset the sandbox\", field `custom_demo_notes` | must not be "
        "compared |",
        "| other project's cases with a Storefront title | Intranet has \"Search by product name\" | Sandbox has "
        "\"Sign in with the correct password\" | must not be compared |",
        "",
    ]
    return "\n".join(lines)


def main():
    server_specs = CASES
    cloud_specs = [cloud_spec(s) for s in CASES]
    server, server_ids = render(SERVER, server_specs, SHARED_SETS)
    cloud, cloud_ids = render(CLOUD, cloud_specs, CLOUD_SETS)
    records = planted_records()
    planted = {"left": "server", "right": "cloud", "project": {"server": SERVER["project"], "cloud": CLOUD["project"]},
               "records": records, "resources": planted_resources()}
    self_check(server, cloud, server_ids, cloud_ids, planted)
    counts = {side: {name: sum(1 for k in ids if k[0] == name) for name in CONTENT}
              for side, ids in (("server", server_ids), ("cloud", cloud_ids))}
    os.makedirs(OUT_DIR, exist_ok=True)
    write_json("server.json", server)
    write_json("cloud.json", cloud)
    write_json("planted.json", planted)
    with open(os.path.join(OUT_DIR, "README.md"), "w") as handle:
        handle.write(readme(planted, counts))
    print(f"wrote {OUT_DIR}: server {len(server['cases'])} cases, cloud {len(cloud['cases'])} cases, "
          f"{len(records)} planted records")
    for side in counts:
        print(f"  {side}: " + ", ".join(f"{k} {v}" for k, v in counts[side].items()))


if __name__ == "__main__":
    main()
