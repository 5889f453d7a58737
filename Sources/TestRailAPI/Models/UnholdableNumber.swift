import Foundation

/// A model's integer field holds a number no `Int` holds (`2**70`, `1e+308`); the page decoder names the item.
struct UnholdableNumber: Error {
    var field: String
}
