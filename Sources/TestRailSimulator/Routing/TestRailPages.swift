/// HTML that a TestRail host serves instead of API JSON: what a client meets behind a proxy or a login wall.
enum TestRailPages {
    /// TestRail's login page, as a session-expired redirect or a maintenance login wall serves it with status 200.
    static let login = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Login - TestRail</title>
        <link rel="stylesheet" href="css/login.css">
        </head>
        <body class="login">
        <div id="content">
        <h1>TestRail</h1>
        <div class="message message-info">TestRail is being updated. Please log in again in a few minutes.</div>
        <form action="index.php?/auth/login/" method="post">
        <input type="text" name="name" placeholder="Email">
        <input type="password" name="password" placeholder="Password">
        <button type="submit">Log In</button>
        </form>
        </div>
        </body>
        </html>

        """
}
