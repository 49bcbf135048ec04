typedef NS_ENUM(NSInteger, FIRMessagingMessageCode) {
  kFIRMessagingMessageCodeSenderIDNotSet = 1000,        // I-FCM001000
  kFIRMessagingMessageCodeAPNSTokenNotAvailable = 2022,  // I-FCM002022
};
