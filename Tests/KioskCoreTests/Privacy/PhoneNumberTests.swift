import KioskCore
import Testing

/// Phone numbers are accepted in the forms people type and shown only masked.
@Suite struct PhoneNumberTests {
    @Test(arguments: ["13800138000", "+8613800138000", "+86 138 0013 8000", "138-0013-8000", "008613800138000", "138 0013 8000"])
    func acceptsTheFormsPeopleType(_ text: String) throws {
        let phone = try #require(PhoneNumber(text))
        #expect(phone.digits == "13800138000")
        #expect(phone == PhoneNumber("13800138000"))
    }

    @Test(arguments: ["19912345678", "15011112222", "17700001111"])
    func acceptsEveryMobilePrefixFromThirteenToNineteen(_ text: String) {
        #expect(PhoneNumber(text)?.digits == text)
    }

    @Test(arguments: [
        "", "1380013800", "138001380001", "12800138000", "10800138000", "23800138000", "1380013800a",
        "１３８００１３８０００", "+8513800138000", "(138)00138000", "+86", "86 13800138000 0", "0138 0013 8000",
    ])
    func refusesWhatIsNotAMainlandMobileNumber(_ text: String) {
        #expect(PhoneNumber(text) == nil)
    }

    @Test func maskShowsThreeAndFourDigits() throws {
        #expect(try #require(PhoneNumber("13812341234")).masked == "138****1234")
        #expect(try #require(PhoneNumber("+86 150 0000 9876")).masked == "150****9876")
    }

    @Test func descriptionAndInterpolationAreMasked() throws {
        let phone = try #require(PhoneNumber("13812345678"))
        #expect(phone.description == "138****5678")
        #expect("sms to \(phone)" == "sms to 138****5678")
        #expect(!String(describing: phone).contains("1234"))
        #expect(String(reflecting: phone) == "138****5678")
        let contact = TicketContact(ticket: "A001", phone: phone, caretaker: nil)
        #expect(!"\(contact)".contains("13812345678"))
    }
}
