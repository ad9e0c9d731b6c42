(ns shop.cart
  "Shopping cart arithmetic."
  (:require [clojure.string :as str]))

(def tax-rate 0.2M)

(defn- line-total [{:keys [price qty]}]
  (* price qty))

(defn total
  "Sum of the cart, taxed."
  [cart]
  (let [net (reduce + 0 (map line-total (:items cart)))]
    (+ net (* net tax-rate))))

(defmulti describe :kind)

(defmethod describe :book [item]
  (str "Book: " (:title item)))

(defrecord Item [kind title price qty])
