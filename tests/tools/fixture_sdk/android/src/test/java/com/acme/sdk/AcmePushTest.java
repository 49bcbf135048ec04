package com.acme.sdk;

import android.util.Log;

public class AcmePushTest {
  void testSomething() {
    Log.e("AcmeTest", "Test-only error line must not be mined");
  }
}
