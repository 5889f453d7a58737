import Testing

@testable import CasediffCore

@Suite struct DisplayWidthTests {
    @Test func columnsAreWhatTheTerminalDraws() {
        #expect(DisplayWidth.columns("abc") == 3)
        #expect(DisplayWidth.columns("中文") == 4)
        #expect(DisplayWidth.columns("😀") == 2)
        #expect(DisplayWidth.columns("e\u{301}") == 1)
        #expect(DisplayWidth.columns("👩‍👩‍👧") == 2)
        #expect(DisplayWidth.columns("🇸🇪") == 2)
        #expect(DisplayWidth.columns("❤\u{FE0F}") == 2)
        #expect(DisplayWidth.columns("한국어 カナ") == 11)
        // Zero-width characters, a standalone combining mark and control characters take no column.
        #expect(DisplayWidth.columns("\u{200B}\u{2060}\u{FEFF}") == 0)
        #expect(DisplayWidth.columns("\u{301}") == 0)
        #expect(DisplayWidth.columns("\t\u{1B}\r\n") == 0)
        // Ambiguous-width box drawing (the progress bar) stays one column.
        #expect(DisplayWidth.columns("█░·") == 3)
    }

    @Test func fitCutsByColumnsAndNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.fit("abcdef", columns: 6) == "abcdef")
        #expect(DisplayWidth.fit("abcdefg", columns: 6) == "abcde…")
        #expect(DisplayWidth.fit("中文中文", columns: 8) == "中文中文")
        // 5 columns: two wide characters (4) and the `…` (1).
        #expect(DisplayWidth.fit("中文中文", columns: 5) == "中文…")
        // 6 columns: a third wide character would need 7 with the `…`, so the cut leaves one column unused.
        #expect(DisplayWidth.fit("中文中文", columns: 6) == "中文…")
        for columns in 2...12 {
            #expect(DisplayWidth.columns(DisplayWidth.fit("a中b文😀c🇸🇪d", columns: columns)) <= columns)
        }
    }

    @Test func prefixStopsBeforeTheCharacterThatWouldPassTheLimit() {
        let text = "ab中c"
        let (end, used) = DisplayWidth.prefix(text, columns: 3)
        #expect(text[..<end] == "ab" && used == 2)
        #expect(DisplayWidth.prefix(text, columns: 4).columns == 4)
    }
}
