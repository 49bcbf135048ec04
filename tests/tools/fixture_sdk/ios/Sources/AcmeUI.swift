import os

final class AcmeUI {
  enum Error: Swift.Error {
    case noRoot
    case assets(String)
  }

  private let logger = Logger(subsystem: "com.acme.sdk", category: "ui")

  func present(_ message: Message, status: String, url: URL, value: String) {
    logger.debug("Presenting message \(message.id)")
    logger.error("Unable to present message \(message.id, privacy: .public) - no window scene available")
    Logger().warning("Push authorization status is \(status); notifications will not be shown")
    os_log(.error, log: .default, "Failed to download image %{public}@ for message", url.absoluteString)
    os_log("Plain os_log at info level is ignored %@", log: .default, type: .info, value)
    NSLog("Swift NSLog level is unknown: %@", value)
    OneSignalLog.onesignalLog(.LL_ERROR, message: "Unable to parse response to create subscription request for \(status)")
    OneSignalLog.onesignalLog(.LL_VERBOSE, message: "OneSignal verbose line is ignored \(status)")
  }
}

extension AcmeUI.Error {
  var logDescription: String {
    switch self {
    case .noRoot:
      return "Unable to present message - unable to find the app root view controller."
    case .assets(let error):
      return
        """
        Unable to present message - failed to retrieve assets
        - error: \(error)
        """
    }
  }
}
