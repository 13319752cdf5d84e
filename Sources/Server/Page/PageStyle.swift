/// The page's only styling, inline so the page is one request and needs no static files.
enum PageStyle {
    static let css = """
        body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;margin:0;background:#fafafa}
        header{background:#154273;color:#fff;padding:1rem 1.5rem}
        header h1{margin:0 0 .5rem;font-size:1.4rem}header h1 a{color:#fff;text-decoration:none}
        .query{display:flex;gap:.5rem;max-width:48rem}
        .query input{flex:1;font-size:1.1rem;padding:.4rem .6rem;border:1px solid #8aa;border-radius:4px}
        button{font-size:1rem;padding:.4rem 1rem;border:0;border-radius:4px;background:#e17000;color:#fff;cursor:pointer}
        .filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin-top:.6rem;font-size:.9rem}
        .filters input,.filters select{font-size:.9rem}
        main{max-width:52rem;padding:.5rem 1.5rem 2rem}
        .summary,.hint{color:#555}.partial{color:#8a4b00}.error{color:#a4001d;font-weight:600}
        .results{padding-left:1.5rem}.document{margin:0 0 1.4rem}
        .document h2{font-size:1.1rem;margin:0}.document h2 a{color:#154273}
        .document h2{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
        .meta{margin:0;color:#666;font-size:.85rem}
        .passages{list-style:none;padding:0;margin:.3rem 0 0}.passages li{margin:.3rem 0}
        .heading{margin:0;font-weight:600;font-size:.9rem}.snippet{margin:0}.similar{margin:.3rem 0 0;font-size:.9rem;color:#555}.some-words{list-style:none;margin:1rem 0 .5rem;font-weight:600;color:#555}
        mark{background:#ffe08a;padding:0 .1em}
        article h2{font-size:1.3rem;margin:.5rem 0 0}article h3{font-size:1rem;margin:1rem 0 0}
        article .text{white-space:pre-line;margin:.3rem 0}section:target{background:#fff6d6}
        section.current{border-left:3px solid #e17000;padding-left:.6rem;margin-left:-.9rem}
        .document-links{margin:.5rem 0;font-size:.9rem}
        .pages{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:center}.pages [aria-current]{font-weight:600}
        .export{margin:0 0 .5rem;font-size:.85rem}
        .suggestion{font-size:1.05rem}
        .facets{display:flex;flex-wrap:wrap;gap:.5rem 2rem;margin:.5rem 0 1rem;font-size:.85rem}
        .facet h2{font-size:.9rem;margin:0 0 .2rem}.facet ul{list-style:none;padding:0;margin:0}
        .facet a{color:#154273}.facet a[aria-current]{font-weight:700}.facet .count{color:#666}.facet-note{flex-basis:100%;margin:0;color:#8a4b00}
        .years rect{fill:#154273}.years a:hover rect,.years a:focus rect{fill:#e17000}.years text{font-size:10px;fill:#555}
        footer{color:#777;font-size:.85rem;padding:1rem 1.5rem}
        """
}
