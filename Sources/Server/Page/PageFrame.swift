/// What every page shares: head, style, the banner with its link home, the footer. The
/// arguments are HTML already (their builders escape).
struct PageFrame {
    var title: String
    var header: String
    var main: String
    /// More of the head: `<link>`s (the search page's feed).
    var head = ""

    var html: String {
        """
        <!doctype html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>\(PageStyle.css)</style>\(head)
        </head>
        <body>
        <header>
        <h1><a href="/">kamerzoek</a></h1>
        \(header)
        </header>
        <main>
        \(main)
        </main>
        <footer>Zoeken in Kamerstukken · <a href="/openapi.json">API</a> · <a href="/api/stats">statistieken</a></footer>
        </body>
        </html>

        """
    }
}
