import Foundation
import TestRailAPI
import Testing

@testable import CasediffCore

/// Flags over the environment over the configuration file; a profile's key never goes to another instance.
@Suite struct SettingsResolverTests {
    static let cloud = ConfigProfile(
        name: "cloud", url: "https://acme.testrail.io", user: "file@acme.test", apiKey: "file-key", rate: .enterprise,
        concurrency: 4)
    static let onPrem = ConfigProfile(
        name: "onprem", url: "https://testrail.acme.internal", user: "onprem@acme.test", apiKey: "onprem-key")
    static let file = ConfigFile(
        path: "/home/qa/.config/casediff/config.toml", profiles: ["cloud": cloud, "onprem": onPrem],
        defaultProfile: "cloud")

    static let environment = [
        "TESTRAIL_URL": "https://acme.testrail.io/", "TESTRAIL_USER": "env@acme.test", "TESTRAIL_API_KEY": "env-key",
    ]

    @Test func theFileAloneSuppliesEverySetting() throws {
        let resolved = try SettingsResolver.resolve(flags: .init(), environment: [:], file: Self.file)
        #expect(resolved.profile == "cloud")
        #expect(resolved.url?.value == "https://acme.testrail.io" && resolved.user?.value == "file@acme.test")
        #expect(resolved.apiKey?.value == "file-key" && resolved.rate?.value == .enterprise)
        #expect(resolved.concurrency.value == 4)
        #expect(resolved.apiKey?.source == .profile(name: "cloud", path: Self.file.path))
    }

    @Test func theEnvironmentBeatsTheFile() throws {
        let resolved = try SettingsResolver.resolve(flags: .init(), environment: Self.environment, file: Self.file)
        #expect(resolved.user?.value == "env@acme.test" && resolved.user?.source == .environment("TESTRAIL_USER"))
        #expect(resolved.apiKey?.value == "env-key")
        // Settings the environment lacks still come from the profile for that instance.
        #expect(resolved.rate?.value == .enterprise && resolved.concurrency.value == 4)
    }

    @Test func flagsBeatTheEnvironment() throws {
        let resolved = try SettingsResolver.resolve(
            flags: .init(url: "https://acme.testrail.io", user: "flag@acme.test", rate: .cloud, concurrency: 2),
            environment: Self.environment, file: Self.file)
        #expect(resolved.user?.value == "flag@acme.test" && resolved.user?.source == .flag("--user"))
        #expect(resolved.url?.source == .flag("--url"))
        #expect(resolved.rate?.value == .cloud && resolved.concurrency.value == 2)
    }

    @Test func aURLPicksItsOwnProfile() throws {
        let resolved = try SettingsResolver.resolve(
            flags: .init(url: "https://testrail.acme.internal/"), environment: [:], file: Self.file)
        #expect(resolved.profile == "onprem" && resolved.apiKey?.value == "onprem-key")
    }

    @Test func aProfileKeyNeverGoesToAnotherInstance() throws {
        let resolved = try SettingsResolver.resolve(
            flags: .init(url: "https://elsewhere.example"), environment: [:], file: Self.file)
        #expect(resolved.profile == nil && resolved.apiKey == nil && resolved.user == nil)
        #expect(
            resolved.profileSkipped == "profile 'cloud' is for https://acme.testrail.io, not https://elsewhere.example")
        #expect(throws: CasediffError.self) {
            try SettingsResolver.resolve(
                flags: .init(url: "https://elsewhere.example", profile: "cloud"), environment: [:], file: Self.file)
        }
    }

    @Test func aNamedProfileMustExist() throws {
        let error = #expect(throws: CasediffError.self) {
            try SettingsResolver.resolve(flags: .init(profile: "qa"), environment: [:], file: Self.file)
        }
        #expect(error?.description == "config \(Self.file.path): no profile 'qa' (profiles: cloud, onprem)")
        let chosen = try SettingsResolver.resolve(
            flags: .init(), environment: ["CASEDIFF_PROFILE": "onprem"], file: Self.file)
        #expect(chosen.profile == "onprem")
    }

    @Test func withoutFileOrDefaultNothingIsGuessed() throws {
        let two = ConfigFile(path: "c.toml", profiles: ["cloud": Self.cloud, "onprem": Self.onPrem])
        let resolved = try SettingsResolver.resolve(flags: .init(), environment: [:], file: two)
        #expect(resolved.profile == nil && resolved.url == nil)
        #expect(resolved.concurrency == Setting(8, from: .builtIn))
        let one = ConfigFile(path: "c.toml", profiles: ["onprem": Self.onPrem])
        #expect(try SettingsResolver.resolve(flags: .init(), environment: [:], file: one).profile == "onprem")
    }

    /// A `PROFILE:PROJECT` side takes its profile's URL, user and key, whatever the run's flags and environment name.
    @Test func aProfileSideUsesItsOwnInstanceAndKey() throws {
        let side = try SettingsResolver.resolve(
            profile: "onprem", flags: .init(rate: .perMinute(60)), environment: Self.environment, file: Self.file)
        #expect(side.url?.value == "https://testrail.acme.internal" && side.user?.value == "onprem@acme.test")
        #expect(side.apiKey?.value == "onprem-key", "never $TESTRAIL_API_KEY, which is the cloud instance's")
        #expect(side.rate?.value == .perMinute(60) && side.profile == "onprem")
    }

    @Test func aProfileWithoutAKeyTakesTheEnvironmentsOnlyForItsOwnInstance() throws {
        let keyless = ConfigProfile(name: "cloud", url: "https://acme.testrail.io", user: "file@acme.test")
        let file = ConfigFile(path: Self.file.path, profiles: ["cloud": keyless])
        let same = try SettingsResolver.resolve(
            profile: "cloud", flags: .init(), environment: Self.environment, file: file)
        #expect(same.apiKey?.value == "env-key" && same.apiKey?.source == .environment("TESTRAIL_API_KEY"))
        var elsewhere = Self.environment
        elsewhere["TESTRAIL_URL"] = "https://other.testrail.io"
        let other = try SettingsResolver.resolve(profile: "cloud", flags: .init(), environment: elsewhere, file: file)
        #expect(other.apiKey == nil, "the environment's key is for another instance")
    }

    @Test func anUnknownProfileSaysWhichThereAre() throws {
        let error = try #require(throws: CasediffError.self) {
            _ = try SettingsResolver.resolve(profile: "clod", flags: .init(), environment: [:], file: Self.file)
        }
        #expect(error.description.contains("no profile 'clod' (profiles: cloud, onprem)"))
        #expect(throws: CasediffError.self) {
            _ = try SettingsResolver.resolve(profile: "cloud", flags: .init(), environment: [:], file: nil)
        }
    }

    /// In a run that also names a profile's instance, `TESTRAIL_API_KEY` goes only to the instance `TESTRAIL_URL`
    /// names: a default profile's instance never receives it.
    @Test func inATwoInstanceRunTheEnvironmentsKeyStaysWithItsURL() throws {
        let strict = SettingsResolver.Flags(environmentKeyOnlyForItsURL: true)
        var onPremDefault = Self.file
        onPremDefault.defaultProfile = "onprem"
        let keyOnly = ["TESTRAIL_API_KEY": "cloud-key"]
        let side = try SettingsResolver.resolve(flags: strict, environment: keyOnly, file: onPremDefault)
        #expect(side.url?.value == "https://testrail.acme.internal" && side.apiKey?.value == "onprem-key")
        let loose = try SettingsResolver.resolve(flags: .init(), environment: keyOnly, file: onPremDefault)
        #expect(loose.apiKey?.value == "cloud-key", "one instance: the environment beats the file, as documented")
        let named = try SettingsResolver.resolve(flags: strict, environment: Self.environment, file: Self.file)
        #expect(named.apiKey?.value == "env-key", "TESTRAIL_URL names this instance")
    }

    @Test func userinfoIsMaskedInEveryURLAMessageQuotes() {
        #expect(TestRailBaseURL.masked("https://u:pw@host/tr/") == "https://***@host/tr/")
        #expect(TestRailBaseURL.masked("http://user:p@ss@ho st/") == "http://***@ho st/")
        #expect(TestRailBaseURL.masked("ftp://user:pw@host/") == "ftp://***@host/")
        #expect(TestRailBaseURL.masked("user:pw@host:8080") == "***@host:8080")
        #expect(TestRailBaseURL.masked("https://host/a@b") == "https://host/a@b")
        #expect(TestRailBaseURL.masked("https://acme.testrail.io") == "https://acme.testrail.io")
    }

    /// A profile for another instance named with a URL that carries a password: the message names both URLs,
    /// neither with its password.
    @Test func aProfileForAnotherInstanceNeverEchoesAPassword() throws {
        let skipped = try SettingsResolver.resolve(
            flags: .init(url: "https://me:s3cret-pw@elsewhere.example"), environment: [:], file: Self.file)
        #expect(
            skipped.profileSkipped
                == "profile 'cloud' is for https://acme.testrail.io, not https://***@elsewhere.example")
        let error = #expect(throws: CasediffError.self) {
            try SettingsResolver.resolve(
                flags: .init(profile: "cloud"), environment: ["TESTRAIL_URL": "https://me:s3cret-pw@elsewhere.example"],
                file: Self.file)
        }
        #expect(error?.description.contains("https://***@elsewhere.example") == true)
        #expect(error?.description.contains("s3cret-pw") == false)
    }

    /// Every credential a run could print is known to the scrubber: the environment's key with its user, every
    /// profile's key with the profile's user, and a password in a URL.
    @Test func everyCredentialIsRegisteredForScrubbing() throws {
        let environment = SettingsResolver.secretForms(
            environment: Self.environment.merging(["TESTRAIL_URL": "https://me:url-pw@acme.testrail.io"]) { $1 })
        #expect(environment.contains("env-key") && environment.contains("env@acme.test:env-key"))
        #expect(environment.contains(Data("env@acme.test:env-key".utf8).base64EncodedString()))
        #expect(environment.contains("url-pw") && environment.contains("me:url-pw"))
        let file = Self.file.secretForms
        #expect(file.contains("file-key") && file.contains("onprem@acme.test:onprem-key"))
        let resolved = try SettingsResolver.resolve(flags: .init(), environment: [:], file: Self.file)
        let scrubber = SecretScrubber(secrets: resolved.secretForms)
        let echoed = "Basic \(Data("file@acme.test:file-key".utf8).base64EncodedString()) file@acme.test:file-key"
        #expect(scrubber.scrub(echoed) == "Basic <redacted> <redacted>")
    }
}
