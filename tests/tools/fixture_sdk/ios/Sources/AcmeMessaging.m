#import "AcmeCode.h"
#import <os/log.h>

static NSString *const kAcmeHTMLFileName = @"message.html";

@implementation AcmeMessaging

- (void)fetchWithStatus:(NSInteger)statusCode body:(NSString *)body senderID:(NSString *)senderID {
  FIRLogDebug(kFIRLoggerInAppMessaging, @"I-IAM130001", @"Debug output is ignored %@", body);
  FIRLogWarning(kFIRLoggerInAppMessaging, @"I-IAM130004",
                @"Failed restful api request to fetch in-app messages: "
                 "seeing http status code as %ld with body as %@",
                (long)statusCode, body);
  FIRLogError(kFIRLoggerInAppMessaging, @"I-IAM170000",
              @"In-App Messaging must be used with the default Firebase app.");
  FIRMessagingLoggerError(kFIRMessagingMessageCodeSenderIDNotSet,
                          @"Firebase not set up correctly, nil or empty senderID.");
  FIRMessagingLoggerWarn(kFIRMessagingMessageCodeAPNSTokenNotAvailable,
                         @"APNS device token not set before retrieving FCM Token for Sender ID '%@'.",
                         senderID);
  NSLog(@"Braze cannot display this message because the image has a height or width of 0. "
        @"The image has width %f and height %f.", 0.0, 120.5);
  NSLog(@"Can't find HTML at path %@, with file name %@. Aborting display.", body, kAcmeHTMLFileName);
  os_log_error(OS_LOG_DEFAULT, "Keychain write failed with status %d", (int)statusCode);
  [ALog error:@"Could not open message database at %@", body];
  LOG_W("Native crash handler install failed: %s", "sigaltstack");
  [OneSignalLog onesignalLog:ONE_S_LL_ERROR
                     message:[NSString stringWithFormat:@"Notification permission request failed: %@", body]];
}

@end
