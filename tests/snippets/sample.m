/* An image cache, as SDWebImage writes one. */
#import "SDImageCache.h"
#import <UIKit/UIKit.h>

static NSString *CacheKeyFor(NSURL *url) {
    return url.absoluteString ?: @"";
}

@interface SDImageCache ()
@property (nonatomic, strong) NSCache *memory;
@end

@implementation SDImageCache

+ (instancetype)sharedImageCache {
    static SDImageCache *instance;
    return instance;
}

- (void)storeImage:(UIImage *)image forKey:(NSString *)key {
    if (image == nil || key.length == 0) {
        return;
    }
    [self.memory setObject:image forKey:key];
}

@end
