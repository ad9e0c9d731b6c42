{-# LANGUAGE OverloadedStrings #-}
-- | A language server plugin's renamer, as haskell-language-server's plugins write them.
module Ide.Plugin.Rename (descriptor, rename) where

import qualified Data.Text as T
import Ide.Types (PluginDescriptor, defaultPluginDescriptor)

descriptor :: String -> PluginDescriptor
descriptor plId = defaultPluginDescriptor plId "Rename"

rename :: Int -> T.Text -> Either String T.Text
rename 0 _ = Left "empty"
rename n t
  | T.null t = Left "nothing"
  | otherwise = pure (T.intercalate "_" (take n parts))
  where
    parts = T.splitOn "." t

class Monad m => Store m where
  load :: m Int
  bump :: m Int
  bump = fmap (+ 1) load

instance Store IO where
  load = pure 1
