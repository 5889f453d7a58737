import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

/// Templates, users, milestones, shared steps and labels over real HTTP: shapes, scoping, the admin rule.
@Suite struct SimulatorResourceTests {
    typealias Support = SimulatorTestSupport
    let dataset = Support.makeResourceDataset()
    let configuration = SimulatorConfiguration(users: [SimulatorConfiguration.demoUser, Support.member])

    @Test func templatesAreABareArrayOfTheProjectsTemplatesWithoutProjectIDs() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try Support.makeClient(simulator)
            let web = try #require(try await Support.json(client, "/api/v2/get_templates/1") as? [[String: Any]])
            #expect(Support.ids(web) == [1, 2, 7])
            #expect(web.allSatisfy { Set($0.keys) == ["id", "name", "is_default"] })
            #expect(Support.ids(try await Support.json(client, "/api/v2/get_templates/2")) == [1, 2])
            await #expect(throws: TestRailError.badRequest("Field :project_id is not a valid or accessible project.")) {
                _ = try await client.data(for: TestRailEndpoint(apiPath: "/api/v2/get_templates/9"))
            }
        }
    }

    @Test func anInstanceWithoutTemplatesServesTestRailsDefaults() async throws {
        try await TestRailSimulator.withRunning(dataset: Support.makeDataset(suiteSizes: [1])) { simulator in
            let client = try Support.makeClient(simulator)
            let templates = try #require(
                try await Support.json(client, "/api/v2/get_templates/1") as? [[String: Any]])
            #expect(
                templates.compactMap { $0["name"] as? String } == [
                    "Test Case (Text)", "Test Case (Steps)", "Exploratory Session",
                ])
            #expect(templates.map { $0["is_default"] as? Bool } == [true, false, false])
        }
    }

    @Test func administratorsListEveryUserInAnEnvelope() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try Support.makeClient(simulator)
            let page = try #require(try await Support.json(client, "/api/v2/get_users") as? [String: Any])
            #expect(Set(page.keys) == ["offset", "limit", "size", "_links", "users"])
            #expect(Support.ids(page["users"]) == [1, 2, 3, 4])
            let users = try #require(page["users"] as? [[String: Any]])
            #expect(users.allSatisfy { $0["project_ids"] == nil && $0["email"] != nil && $0["role"] != nil })
        }
    }

    @Test func legacyServersListUsersAsABareArray() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: .init(legacyArrays: true)) {
            simulator in
            let client = try Support.makeClient(simulator)
            #expect(Support.ids(try await Support.json(client, "/api/v2/get_users")) == [1, 2, 3, 4])
            #expect(Support.ids(try await Support.json(client, "/api/v2/get_users/1")) == [1, 2])
        }
    }

    @Test func aProjectsUsersAreItsActiveMembersForAnyone() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: configuration) { simulator in
            for client in [
                try Support.makeClient(simulator),
                try Support.makeClient(simulator, user: Support.member.email, key: Support.member.key),
            ] {
                let web = try #require(try await Support.json(client, "/api/v2/get_users/1") as? [String: Any])
                // Old (id 4) is a member of project 1 but inactive; Demo (id 1) has no scope, so belongs everywhere.
                #expect(Support.ids(web["users"]) == [1, 2])
                let mobile = try #require(try await Support.json(client, "/api/v2/get_users/2") as? [String: Any])
                #expect(Support.ids(mobile["users"]) == [1, 3])
                await #expect(
                    throws: TestRailError.badRequest("Field :project_id is not a valid or accessible project.")
                ) { _ = try await client.data(for: TestRailEndpoint(apiPath: "/api/v2/get_users/9")) }
            }
        }
    }

    @Test func nonAdministratorsMustNameAProjectToListUsers() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: configuration) { simulator in
            let member = try Support.makeClient(simulator, user: Support.member.email, key: Support.member.key)
            await #expect(
                throws: TestRailError.forbidden(
                    "Access Denied. You are not a TestRail administrator. Field:project_id is a required field.")
            ) { _ = try await member.data(for: TestRailEndpoint(method: "get_users")) }
        }
    }

    @Test func usersAreFetchedByIDOrEmailWithoutProjectIDs() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try Support.makeClient(simulator)
            let ann = try #require(try await Support.json(client, "/api/v2/get_user/2") as? [String: Any])
            #expect(ann["name"] as? String == "Ann" && ann["project_ids"] == nil)
            #expect(Set(ann.keys) == ["id", "name", "email", "is_active", "role_id", "role"])
            let byEmail = try #require(
                try await Support.json(client, "/api/v2/get_user_by_email&email=BOB%40example.test")
                    as? [String: Any])
            #expect(byEmail["id"] as? Int == 3)
            await #expect(throws: TestRailError.badRequest("Field :user_id is not a valid user.")) {
                _ = try await client.data(for: TestRailEndpoint(apiPath: "/api/v2/get_user/99"))
            }
            await #expect(throws: TestRailError.badRequest("Field :email is not a valid email address.")) {
                _ = try await client.data(
                    for: TestRailEndpoint(apiPath: "/api/v2/get_user_by_email&email=nobody%40example.test"))
            }
            await #expect(throws: TestRailError.badRequest("Field :email is a required field.")) {
                _ = try await client.data(for: TestRailEndpoint(apiPath: "/api/v2/get_user_by_email"))
            }
        }
    }

    @Test func nonAdministratorsMayFetchOnlyThemselves() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: configuration) { simulator in
            let member = try Support.makeClient(simulator, user: Support.member.email, key: Support.member.key)
            let own = try #require(try await Support.json(member, "/api/v2/get_user/2") as? [String: Any])
            #expect(own["email"] as? String == "ann@example.test")
            let byEmail = try #require(
                try await Support.json(member, "/api/v2/get_user_by_email&email=Ann%40Example.test") as? [String: Any])
            #expect(byEmail["id"] as? Int == 2)
            let denied = TestRailError.forbidden(
                "Access Denied. You are not a TestRail administrator and may only retrieve your own user account.")
            await #expect(throws: denied) {
                _ = try await member.data(for: TestRailEndpoint(apiPath: "/api/v2/get_user/1"))
            }
            await #expect(throws: denied) {
                _ = try await member.data(
                    for: TestRailEndpoint(apiPath: "/api/v2/get_user_by_email&email=bob%40example.test"))
            }
        }
    }

    @Test func milestonesListFlatAndNestSubMilestonesOnlyInGetMilestone() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try Support.makeClient(simulator)
            let page = try #require(try await Support.json(client, "/api/v2/get_milestones/1") as? [String: Any])
            #expect(Set(page.keys) == ["offset", "limit", "size", "_links", "milestones"])
            let milestones = try #require(page["milestones"] as? [[String: Any]])
            #expect(Support.ids(milestones) == [10, 11, 12])
            #expect(milestones.map { $0["parent_id"] as? Int } == [nil, 10, nil])
            #expect(milestones.allSatisfy { $0["milestones"] == nil })
            let mobile = try await Support.json(client, "/api/v2/get_milestones/2")
            #expect(Support.ids((mobile as? [String: Any])?["milestones"]) == [20])
            let completed = try await Support.json(client, "/api/v2/get_milestones/1&is_completed=1")
            #expect(Support.ids((completed as? [String: Any])?["milestones"]) == [12])
            let open = try await Support.json(client, "/api/v2/get_milestones/1&is_completed=0&is_started=1")
            #expect(Support.ids((open as? [String: Any])?["milestones"]) == [10])

            let release = try #require(try await Support.json(client, "/api/v2/get_milestone/10") as? [String: Any])
            #expect(release["name"] as? String == "R1")
            #expect(Support.ids(release["milestones"]) == [11])
            let leaf = try #require(try await Support.json(client, "/api/v2/get_milestone/11") as? [String: Any])
            #expect(Support.ids(leaf["milestones"]).isEmpty && leaf["parent_id"] as? Int == 10)
            await #expect(throws: TestRailError.badRequest("Field :milestone_id is not a valid milestone.")) {
                _ = try await client.data(for: TestRailEndpoint(apiPath: "/api/v2/get_milestone/99"))
            }
            await #expect(throws: TestRailError.badRequest("Field :project_id is not a valid or accessible project.")) {
                _ = try await client.data(for: TestRailEndpoint(apiPath: "/api/v2/get_milestones/9"))
            }
            await #expect(throws: TestRailError.badRequest("Field :is_completed is not a valid boolean.")) {
                _ = try await client.data(for: TestRailEndpoint(apiPath: "/api/v2/get_milestones/1&is_completed=x"))
            }
        }
    }

    @Test func sharedStepsAreListedByProjectAndServedWhole() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try Support.makeClient(simulator)
            let page = try #require(try await Support.json(client, "/api/v2/get_shared_steps/1") as? [String: Any])
            #expect(Set(page.keys) == ["offset", "limit", "size", "_links", "shared_steps"])
            #expect(Support.ids(page["shared_steps"]) == [5])
            let mobile = try await Support.json(client, "/api/v2/get_shared_steps/2")
            #expect(Support.ids((mobile as? [String: Any])?["shared_steps"]) == [6])
            let recent = try await Support.json(client, "/api/v2/get_shared_steps/1&updated_after=1700000000")
            #expect(Support.ids((recent as? [String: Any])?["shared_steps"]) == [])

            let step = try #require(try await Support.json(client, "/api/v2/get_shared_step/5") as? [String: Any])
            #expect(step["case_ids"] as? [Int] == [1])
            let steps = try #require(step["custom_steps_separated"] as? [[String: Any]])
            #expect(steps.map { $0["content"] as? String } == ["Open the login page", "Enter valid credentials"])
            #expect(steps[0]["additional_info"] is NSNull)
            await #expect(throws: TestRailError.badRequest("Field :shared_step_id is not a valid shared step.")) {
                _ = try await client.data(for: TestRailEndpoint(apiPath: "/api/v2/get_shared_step/99"))
            }
        }
    }

    @Test func labelsAreTheProjectsAndTheUnscopedOnes() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try Support.makeClient(simulator)
            let web = try #require(try await Support.json(client, "/api/v2/get_labels/1") as? [String: Any])
            #expect(Set(web.keys) == ["offset", "limit", "size", "_links", "labels"])
            #expect(Support.ids(web["labels"]) == [1, 2])
            let mobile = try await Support.json(client, "/api/v2/get_labels/2")
            #expect(Support.ids((mobile as? [String: Any])?["labels"]) == [2, 3])
            let label = try #require(try await Support.json(client, "/api/v2/get_label/3") as? [String: Any])
            #expect(label["title"] as? String == "tablet" && label["created_by"] as? String == "1")
            await #expect(throws: TestRailError.badRequest("Field :label_id is not a valid label.")) {
                _ = try await client.data(for: TestRailEndpoint(apiPath: "/api/v2/get_label/99"))
            }
        }
    }

    @Test func casesCarryLabelsAndSharedStepIDsAsWritten() async throws {
        var dataset = dataset
        dataset.sections = [["id": 1, "suite_id": 1, "name": "Root", "parent_id": nil]]
        dataset.cases = [
            [
                "id": 1, "title": "Log in", "suite_id": 1, "section_id": 1,
                "labels": .array([.object(["id": 1, "title": "smoke", "created_by": "1"])]),
                "custom_steps_separated": .array([
                    .object(["shared_step_id": 5, "content": "Open the login page", "expected": "The form shows"]),
                    .object(["shared_step_id": 5, "content": "Enter valid credentials", "expected": "Dashboard"]),
                    .object(["content": "Log out", "expected": "The login page shows"]),
                ]),
            ]
        ]
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try Support.makeClient(simulator)
            let testCase = try #require(try await Support.json(client, "/api/v2/get_case/1") as? [String: Any])
            #expect(Support.ids(testCase["labels"]) == [1])
            let steps = try #require(testCase["custom_steps_separated"] as? [[String: Any]])
            #expect(steps.map { $0["shared_step_id"] as? Int } == [5, 5, nil])
        }
    }

    @Test func userListsPageLikeEveryOtherList() async throws {
        try await TestRailSimulator.withRunning(dataset: Support.makeResourceDataset(extraUsers: 256)) { simulator in
            let client = try Support.makeClient(simulator)
            let first = try #require(try await Support.json(client, "/api/v2/get_users") as? [String: Any])
            #expect(first["size"] as? Int == 250 && first["limit"] as? Int == 250)
            #expect((first["_links"] as? [String: Any])?["next"] as? String == "/api/v2/get_users&limit=250&offset=250")
            let members = try #require(try await Support.json(client, "/api/v2/get_users/2") as? [String: Any])
            #expect(
                (members["_links"] as? [String: Any])?["next"] as? String
                    == "/api/v2/get_users/2&limit=250&offset=250")
            struct User: Decodable, Sendable { var id: Int }
            let everyone: [User] = try await client.all(TestRailEndpoint(method: "get_users"), itemsKey: "users")
            #expect(everyone.count == 260 && Set(everyone.map(\.id)).count == 260)
            let small = try await Support.json(client, "/api/v2/get_milestones/1&limit=2")
            let links = (small as? [String: Any])?["_links"] as? [String: Any]
            #expect(links?["next"] as? String == "/api/v2/get_milestones/1&limit=2&offset=2")
        }
    }

    @Test(arguments: ["get_users", "get_users/1", "get_milestones/1", "get_shared_steps/1", "get_labels/1"])
    func newListsRejectLimitsOutsideOneTo250(method: String) async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let client = try Support.makeClient(simulator)
            for limit in ["0", "251"] {
                await #expect(
                    throws: TestRailError.badRequest("Field :limit is not a valid integer between 1 and 250.")
                ) { _ = try await client.data(for: TestRailEndpoint(apiPath: "/api/v2/\(method)&limit=\(limit)")) }
            }
        }
    }
}
