package com.acme.sdk

import com.braze.support.BrazeLogger
import com.braze.support.BrazeLogger.Priority.D
import com.braze.support.BrazeLogger.Priority.E
import com.braze.support.BrazeLogger.Priority.W
import com.braze.support.BrazeLogger.brazelog

class InAppManager {
    companion object {
        private val TAG = BrazeLogger.getBrazeLogTag(InAppManager::class.java)
        private const val LOG_TAG = "AcmeInApp"
    }

    fun display(message: InAppMessage?, payload: String, e: Exception, key: String, code: Int) {
        brazelog(D) { "Attempting to display ${message?.id}" }
        brazelog { "Default priority is debug and ignored" }
        brazelog(W) {
            "No activity is currently registered to receive in-app messages. " +
                "Saving message ${message?.id} for later."
        }
        brazelog(TAG, E, e) { "Could not display in-app message with payload: $payload" }
        brazelog(priority = W) {
            """
            Cannot show message containing a Braze Actions Push Prompt
            on API ${android.os.Build.VERSION.SDK_INT}
            """.trimIndent()
        }
        Logging.error("App id $appId is not a valid UUID. OneSignal will not initialize.")
        OneSignal.Logging.warn("Notification permission not granted; ${count} notifications suppressed")
        Logger.w(LOG_TAG, "Config value for key $key is invalid, using default")
        logger.error { "Kotlin lambda logger failed for event '$eventName'" }
        CLog.e(LOG_TAG, "Vendor logger error code %d while syncing", code)
    }
}
