package com.acme.sdk;

import android.util.Log;
import java.util.Locale;
import timber.log.Timber;

/** Push registration; "Log.e(TAG, ...)" in this comment is not a call. */
public class AcmePush {
  private static final String TAG = Constants.TAG_PREFIX + "Push";

  void register(String senderId, int attempt, String messageId, Object payload, Exception e) {
    Log.d(TAG, "Registering for push with sender id " + senderId);
    Log.w(TAG, "Push registration failed for sender id "
        + senderId
        + " after "
        + attempt + " attempts. Will retry.");
    Log.e(TAG, "Push token could not be saved", e);
    // Log.e(TAG, "This commented-out call must be ignored");
    /* Log.w(TAG, "Neither must this one"); */
    Log.wtf(Constants.TAG, String.format(Locale.US,
        "Invalid notification channel id %s (attempt %d)", senderId, attempt));
    Timber.e(e, "Timber failed to deliver message %s to handler", messageId);
    Timber.w("Short");
    Log.i(TAG, "Info line is ignored");
    Log.e(TAG, "Firebase message received with \"invalid\" payload: " + payload + "\n" + "more details follow");
  }
}
