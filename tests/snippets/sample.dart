// A battery plugin's method channel, as a Flutter plugin package writes it.
import 'package:flutter/services.dart';
import 'package:battery_platform_interface/battery_platform_interface.dart';
import 'src/state.dart';

const channel = MethodChannel('dev.plus/battery');

Future<int> batteryLevel() async {
  final level = await channel.invokeMethod<int>('getBatteryLevel');
  if (level == null) {
    throw PlatformException(code: 'UNAVAILABLE');
  }
  return level;
}

int clamp(int value) => value < 0 ? 0 : value;

abstract class BatteryBase extends BatteryPlatform with ChannelMixin implements Disposable {
  BatteryBase(this.name);

  final String name;

  void dispose();

  @override
  Future<BatteryState> get state async {
    final raw = await channel.invokeMethod<String>('getBatteryState');
    return parseState(raw!);
  }

  set label(String value) => _label = value;

  static BatteryBase create() => MethodChannelBattery('default');
}

mixin ChannelMixin {
  void log(String message) {
    print('[battery] $message');
  }
}

extension LevelText on int {
  String get percent => '$this%';
}

enum Health { good, cold; bool get ok => this == good; }
