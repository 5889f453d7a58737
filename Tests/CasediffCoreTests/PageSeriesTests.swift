import TestRailAPI
import Testing

@testable import CasediffCore

@Suite struct PageSeriesTests {
    let base = TestRailEndpoint.getCases(projectID: 1, suiteID: 2)

    func page(_ count: Int, next: Int?, limit: Int = 250) -> PageShape {
        PageShape(
            count: count, limit: limit,
            next: next.map { base.setting("limit", to: String(limit)).setting("offset", to: String($0)) })
    }

    @Test func coldStartsWithTheFirstPageAndFollowsNext() {
        var series = PageSeries(base: base)
        #expect(series.neededOffsets == [0])
        series.markRequested(0)
        series.record(offset: 0, page(250, next: 250))
        #expect(series.neededOffsets == [250])
        #expect(series.endpoint(offset: 250).parameter("offset") == "250")
        series.markRequested(250)
        series.record(offset: 250, page(10, next: nil))
        #expect(series.isComplete && series.knownEnd == 260 && series.itemsOnChain == 260)
        #expect(series.neededOffsets.isEmpty && series.wastedPages == 0)
    }

    @Test func anEmptyListIsOnePage() {
        var series = PageSeries(base: base)
        series.record(offset: 0, page(0, next: nil))
        #expect(series.isComplete && series.knownEnd == 0)
    }

    @Test func hintsPlanEveryPageAndTheEndIsVerified() {
        var series = PageSeries(base: base, expectedItems: 700)
        #expect(series.neededOffsets == [0, 250, 500])
        for offset in [0, 250, 500] { series.markRequested(offset) }
        series.record(offset: 500, page(200, next: nil))
        series.record(offset: 250, page(250, next: 500))
        #expect(!series.isComplete, "page 0 is still missing")
        series.record(offset: 0, page(250, next: 250))
        #expect(series.isComplete && series.itemsOnChain == 700)
    }

    @Test func aSuiteThatGrewPastItsHintIsFollowed() {
        var series = PageSeries(base: base, expectedItems: 250)
        series.markRequested(0)
        series.record(offset: 0, page(250, next: 250))
        #expect(series.neededOffsets == [250])
    }

    @Test func aSuiteThatShrankWastesOnlyTheEmptyPages() {
        var series = PageSeries(base: base, expectedItems: 750)
        for offset in [0, 250, 500] { series.markRequested(offset) }
        series.record(offset: 0, page(250, next: 250))
        series.record(offset: 500, page(0, next: nil))
        series.record(offset: 250, page(100, next: nil))
        #expect(series.isComplete && series.knownEnd == 350 && series.wastedPages == 1)
    }

    @Test func speculationRunsAheadOfEverythingAskedAndStopsAtTheEnd() {
        var series = PageSeries(base: base)
        #expect(series.speculativeOffsets(count: 2).isEmpty, "nothing is known before the first page")
        series.markRequested(0)
        series.record(offset: 0, page(250, next: 250))
        series.markRequested(250)
        #expect(series.speculativeOffsets(count: 2) == [500, 750])
        series.record(offset: 750, page(0, next: nil))
        #expect(series.speculativeOffsets(count: 2).isEmpty)
    }

    @Test func aSmallerServerPageSizeIsLearned() {
        var series = PageSeries(base: base)
        series.record(offset: 0, page(100, next: 100, limit: 100))
        #expect(series.pageSize == 100 && series.neededOffsets == [100])
    }

    @Test func aLegacyArrayIsTheWholeList() {
        var series = PageSeries(base: base)
        series.record(offset: 0, PageShape(count: 600, limit: 600, next: nil, isLegacy: true))
        #expect(series.isComplete && series.itemsOnChain == 600)
    }

    /// A speculative page that failed may still be asked for if the chain needs it, but the list is not speculated
    /// on again: a server failing every page cannot draw requests at ever larger offsets.
    @Test func aFailedSpeculativePageStopsSpeculation() {
        var series = PageSeries(base: base)
        series.markRequested(0)
        series.record(offset: 0, page(250, next: 250))
        let offset = series.speculativeOffsets(count: 1)
        #expect(offset == [250])
        series.markRequested(250)
        series.unmarkRequested(250)
        #expect(series.speculativeOffsets(count: 3).isEmpty)
        #expect(series.neededOffsets == [250], "the chain still needs it, once")
    }

    /// The rows of ``PageSeries/remainingChain``'s table.
    @Test func theRemainingChainGrowsWithTheEvidence() {
        var cold = PageSeries(base: base)
        #expect(cold.remainingChain == PageSeries.unknownChain)
        cold.record(offset: 0, page(250, next: 250))
        #expect(cold.remainingChain == 2, "one page linked onward")
        for offset in stride(from: 250, to: 1250, by: 250) {
            cold.record(offset: offset, page(250, next: offset + 250))
        }
        #expect(cold.remainingChain == 6, "five pages linked onward: about as many again")
        cold.record(offset: 1250, page(3, next: nil))
        #expect(cold.isComplete && cold.remainingChain == 0)
        let sections = PageSeries(base: base, unknownChain: PageSeries.unknownSectionsChain)
        #expect(sections.remainingChain == 1, "sections are rarely more than a page")

        var hinted = PageSeries(base: base, expectedItems: 700)
        #expect(hinted.remainingChain == 1, "every hinted page goes at once")
        hinted.record(offset: 0, page(250, next: 250))
        #expect(hinted.remainingChain == 1)
        var empty = PageSeries(base: base, expectedItems: 0)
        #expect(empty.remainingChain == 1, "a hint of nothing is still one page")
        empty.record(offset: 0, page(0, next: nil))
        #expect(empty.remainingChain == 0)

        var grown = PageSeries(base: base, expectedItems: 750)
        for offset in [0, 250, 500] { grown.record(offset: offset, page(250, next: offset + 250)) }
        #expect(grown.remainingChain == 4, "past its hint: the chain goes on from the evidence")
    }

    @Test func aNextLinkOutsideTheListIsNotUsed() {
        var series = PageSeries(base: base)
        series.record(
            offset: 0,
            PageShape(
                count: 250, limit: 250,
                next: TestRailEndpoint.getCases(projectID: 2, suiteID: 21, offset: 250, limit: 250)))
        #expect(series.endpoint(offset: 250).description == "get_cases/1&suite_id=2&limit=250&offset=250")
    }
}
