import CasediffCore
import Foundation
import GRDB

/// One `page` row as it is written and read, with the CRC-32 that covers every column but the checksum itself:
/// the key (so a row cannot pass for another page), the payload and its framing, and the fetch time.
struct StoredRow: Sendable {
    var instance: String
    var resource: String
    var projectID: Int
    var suiteID: Int
    var offset: Int
    var content: PagePayloadCodec.Row
    var fetchedAt: Double

    /// The columns ``init(_:)`` reads, in its order.
    static let columns =
        "instance, resource, project_id, suite_id, page_offset, item_count, page_limit, next, legacy, format, fetched_at, payload"

    init(key: PageKey, content: PagePayloadCodec.Row, fetchedAt: Date) {
        instance = key.instance
        resource = key.resource.rawValue
        projectID = key.projectID
        suiteID = key.suiteID
        offset = key.offset
        self.content = content
        self.fetchedAt = fetchedAt.timeIntervalSince1970
    }

    /// A row selected with ``columns``.
    init(_ row: Row) {
        instance = row[0]
        resource = row[1]
        projectID = row[2]
        suiteID = row[3]
        offset = row[4]
        content = PagePayloadCodec.Row(
            itemCount: row[5], limit: row[6], next: row[7], legacy: row[8], format: row[9], payload: row[11])
        fetchedAt = row[10]
    }

    /// The CRC-32 of the row, as the `checksum` column stores it.
    var computedChecksum: Int64 {
        var crc = CRC32()
        for text in [instance, resource, content.next ?? ""] {
            crc.add(Int64(text.utf8.count))
            crc.add(text)
        }
        for number in [projectID, suiteID, offset, content.itemCount, content.limit, content.format] {
            crc.add(Int64(number))
        }
        crc.add(content.legacy ? 1 : 0)
        crc.add(content.next == nil ? 0 : 1)
        crc.add(Int64(bitPattern: UInt64(fetchedAt.bitPattern)))
        crc.add(content.payload)
        return Int64(crc.value)
    }
}
